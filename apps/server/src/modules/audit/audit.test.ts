import { AuditEvent, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { type GraphQLResult, testDatabase } from '../../../test/harness.js';
import type { Staff } from '../staff/staff.entity.js';
import { audit } from './audit.writer.js';

const db = await testDatabase();
const build = builders(db.orm);
let admin: Staff;
let rep: Staff;

beforeAll(async () => {
  admin = await build.staff({ name: '审计管理员' }, StaffRole.ADMIN);
  rep = await build.staff({ name: '被审计代表' });
  const em = db.orm.em.fork();
  // 25 entries, in this order; the audit log's time is the database's, to the millisecond.
  for (let i = 0; i < 25; i++) {
    const event = [AuditEvent.LOGIN_FAILED, AuditEvent.LOGIN_SUCCEEDED, AuditEvent.ROLE_CHANGED][
      i % 3
    ] as AuditEvent;
    await audit(em, {
      event,
      actorId: event === AuditEvent.ROLE_CHANGED ? admin.id : null,
      subjectId: rep.id,
      email: rep.email,
      address: `10.0.0.${i}`,
      detail: { n: i },
    });
  }
});

describe('the audit log is append-only in the database itself', () => {
  it.each([
    ['UPDATE', `update audit_log set event = 'LOGOUT'`],
    ['DELETE', 'delete from audit_log'],
    ['TRUNCATE', 'truncate audit_log'],
  ])('refuses %s, whoever sends it', async (operation, statement) => {
    const before = await db.orm.em.fork().execute('select id, event, at, detail from audit_log order by id');
    await expect(db.orm.em.fork().execute(statement)).rejects.toThrow(
      `audit_log is append-only: ${operation} refused`,
    );
    expect(await db.orm.em.fork().execute('select id, event, at, detail from audit_log order by id')).toEqual(
      before,
    );
  });
});

type Page = {
  auditLog: {
    totalCount: number;
    nodes: Array<{
      event: string;
      address: string;
      detail: string;
      actor: { name: string } | null;
      subject: { name: string } | null;
    }>;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
};
const LOG = `query ($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount nodes { event address detail actor { name } subject { name } } pageInfo { endCursor hasNextPage }
  }
}`;

describe('auditLog', () => {
  it('pages newest first, with no entry missed or repeated', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    for (;;) {
      const result: GraphQLResult<Page> = await db.execute<Page>(
        LOG,
        { first: 7, after, filter: { staffId: rep.globalId } },
        { viewer: admin },
      );
      expect(result.errors).toBeUndefined();
      const page = result.data?.auditLog;
      seen.push(...(page?.nodes.map((n) => (JSON.parse(n.detail) as { n: number }).n) ?? []));
      if (!page?.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => 24 - i));
  });

  it('filters by event and names actor and subject', async () => {
    const result = await db.execute<Page>(
      LOG,
      { first: 2, filter: { events: ['ROLE_CHANGED'] } },
      { viewer: admin },
    );
    expect(result.data?.auditLog.totalCount).toBe(8);
    expect(result.data?.auditLog.nodes[0]).toMatchObject({
      event: 'ROLE_CHANGED',
      address: '10.0.0.23',
      actor: { name: '审计管理员' },
      subject: { name: '被审计代表' },
    });
  });

  it('resolves actors and subjects of a page in one batch', async () => {
    const run = (first: number) => db.captureSql(() => db.execute(LOG, { first }, { viewer: admin }));
    // The page, its count, and one load of every staff member the page names, however long it is.
    expect(await run(3)).toHaveLength(3);
    expect(await run(25)).toHaveLength(3);
  });

  it('takes days of the business calendar (Asia/Shanghai here), first and last day included', async () => {
    // Shanghai is UTC+8: 15:59:59.999Z is the last instant of 1 Nov there, 16:00Z the first of 2 Nov.
    const at = ['2026-10-31T16:00:00.000Z', '2026-11-01T15:59:59.999Z', '2026-11-01T16:00:00.000Z'];
    for (const [i, instant] of at.entries()) {
      await db.orm.em
        .fork()
        .execute(`insert into audit_log (id, event, at, detail) values (gen_random_uuid(), 'LOGOUT', ?, ?)`, [
          instant,
          JSON.stringify({ n: 100 + i }),
        ]);
    }
    const days = async (filter: Record<string, string>) => {
      const result = await db.execute<Page>(
        LOG,
        { filter: { events: ['LOGOUT'], ...filter } },
        { viewer: admin },
      );
      return result.data?.auditLog.nodes.map((n) => (JSON.parse(n.detail) as { n: number }).n);
    };
    expect(await days({ fromDay: '2026-11-01', toDay: '2026-11-01' })).toEqual([101, 100]);
    expect(await days({ fromDay: '2026-11-02' })).toEqual([102]);
    expect(await days({ toDay: '2026-10-31' })).toEqual([]);
  });

  it('tells clients the business time zone', async () => {
    const result = await db.execute<{ businessTimeZone: string }>(
      '{ businessTimeZone }',
      {},
      { viewer: rep },
    );
    expect(result.data?.businessTimeZone).toBe('Asia/Shanghai');
  });

  it.each([
    [{ filter: { fromDay: '2026-11-02', toDay: '2026-11-01' } }, 'filter.toDay'],
    [{ filter: { staffId: 'garbage' } }, 'filter.staffId'],
    [{ filter: { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' } }, 'filter.to'],
    [{ first: 201 }, 'first'],
  ])('refuses %j with BAD_USER_INPUT on %s', async (variables, field) => {
    const result = await db.execute(LOG, variables, { viewer: admin });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('is for admins only', async () => {
    const result = await db.execute(LOG, {}, { viewer: rep });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(result.data).toBeNull();
  });
});
