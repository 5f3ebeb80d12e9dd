import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Staff } from '../staff/staff.entity.js';
import { departingRepBook } from './handover.fixtures.js';

const db = await testDatabase();
const build = builders(db.orm);
const sql = <T>(query: string, params: unknown[] = []) =>
  db.orm.em.getConnection().execute<T[]>(query, params);
const count = async (query: string, params: unknown[]) =>
  (await sql<{ n: number }>(`select count(*)::int as n from ${query}`, params))[0]?.n;
const staffId = (staff: { id: string }) => toGlobalId('Staff', staff.id);

const TRANSFER = `mutation ($from: ID!, $to: ID!) {
  transferCustomers(fromStaffId: $from, toStaffId: $to) { customers relationships projects }
}`;

let manager: Staff;
let book: Awaited<ReturnType<typeof departingRepBook>>;
let before: Record<string, number>;
let statements: string[];
let result: Awaited<ReturnType<typeof db.execute>>;

beforeAll(async () => {
  manager = await build.staff({}, StaffRole.ADMIN);
  book = await departingRepBook(db.orm);
  before = await tableCounts(db.orm);
  statements = await db.captureSql(async () => {
    result = await db.execute(
      TRANSFER,
      { from: staffId(book.from), to: staffId(book.to) },
      { viewer: manager },
    );
  });
});

describe('transferCustomers: a departing rep with 20 customers, 60 relationships and 5 projects', () => {
  it('answers the counts handed over, in a fixed number of statements', () => {
    expect(result).toEqual({
      data: { transferCustomers: { customers: 20, relationships: 60, projects: 5 } },
    });
    // Lock both staff rows, merge clashes, move relationships, customers, projects, refresh the risk of the
    // customers touched: set-wise, whatever the size.
    expect(statements).toHaveLength(6);
  });

  it('leaves nothing on the departing rep and touches nobody else', async () => {
    const { from, to, other } = book;
    expect(await count('customer where owner_id = ?', [from.id])).toBe(0);
    expect(await count('project where owner_id = ?', [from.id])).toBe(0);
    expect(await count('relationship where staff_id = ?', [from.id])).toBe(0);
    expect(await count('customer where owner_id = ?', [to.id])).toBe(20);
    expect(await count('project where owner_id = ?', [to.id])).toBe(5);
    // 9 of its own, 3 of them lost to better-documented ones of the departing rep, plus 57 moved.
    expect(await count('relationship where staff_id = ?', [to.id])).toBe(63);
    expect(await count('relationship where staff_id = ?', [other.id])).toBe(3);
    expect(await count('project where owner_id = ?', [other.id])).toBe(1);
    expect(await count('customer where owner_id = ?', [other.id])).toBe(1);
    const after = await tableCounts(db.orm);
    expect({ ...after, change: 0, field_change: 0 }).toEqual({
      ...before,
      relationship: (before.relationship ?? 0) - 6,
      change: 0,
      field_change: 0,
    });
  });

  it.each([0, 1, 2, 3, 4, 5])('clash %i keeps the better-documented relationship', async (i) => {
    const clash = book.clashes[i];
    if (!clash) throw new Error(`no clash ${i}`);
    const [kept, dropped] = clash.keeps === 'from' ? [clash.fromId, clash.toId] : [clash.toId, clash.fromId];
    const rows = await sql<{ id: string; staff_id: string }>(
      'select id, staff_id from relationship where id in (?, ?)',
      [clash.fromId, clash.toId],
    );
    expect({ rule: clash.rule, rows }).toEqual({
      rule: clash.rule,
      rows: [{ id: kept, staff_id: book.to.id }],
    });
    const [merge] = await sql<{ after: string }>(
      `select f.after from change c join field_change f on f.change_id = c.id
       where c.entity_id = ? and c.action = 'DELETE' and f.field = 'mergedIntoId'`,
      [dropped],
    );
    expect(merge?.after).toBe(toGlobalId('Relationship', kept));
  });

  it('records every move and merge in history, by the viewer, in the right dossier', async () => {
    const changes = await sql<{ entity_type: string; action: string; n: number }>(
      `select entity_type, action, count(*)::int as n from change
       where actor_id = ? and customer_id is not null group by 1, 2 order by 1, 2`,
      [manager.id],
    );
    expect(changes).toEqual([
      { entity_type: 'Customer', action: 'UPDATE', n: 20 },
      { entity_type: 'Project', action: 'UPDATE', n: 5 },
      { entity_type: 'Relationship', action: 'DELETE', n: 6 },
      { entity_type: 'Relationship', action: 'UPDATE', n: 57 },
    ]);
    // Staff records (the fixtures' staff) keep a history too, in no dossier: not part of the handover.
    const dossierFields = "field_change f join change c on c.id = f.change_id where c.entity_type <> 'Staff'";
    expect(await count(dossierFields, [])).toBe(20 + 5 + 57 + 32);
    const fieldsOf = (entityId: string) =>
      sql(
        `select c.customer_id, f.field, f.before, f.after from change c
         join field_change f on f.change_id = c.id where c.entity_id = ? order by f.id`,
        [entityId],
      );
    const customer = book.customers[7]?.id;
    expect(await fieldsOf(customer ?? '')).toEqual([
      { customer_id: customer, field: 'ownerId', before: staffId(book.from), after: staffId(book.to) },
    ]);
    const [clash] = book.clashes;
    const dossier = book.customers[0]?.id;
    const keyPerson = (
      await sql<{ id: string }>('select key_person_id as id from relationship where id = ?', [clash?.fromId])
    )[0]?.id;
    expect(await fieldsOf(clash?.toId ?? '')).toEqual([
      {
        customer_id: dossier,
        field: 'keyPersonId',
        before: toGlobalId('KeyPerson', keyPerson ?? ''),
        after: null,
      },
      { customer_id: dossier, field: 'lastContactAt', before: '2026-01-10T00:00:00.000Z', after: null },
      {
        customer_id: dossier,
        field: 'mergedIntoId',
        before: null,
        after: toGlobalId('Relationship', clash?.fromId ?? ''),
      },
      { customer_id: dossier, field: 'note', before: '听说过', after: null },
      { customer_id: dossier, field: 'staffId', before: staffId(book.to), after: null },
      { customer_id: dossier, field: 'state', before: 'NONE', after: null },
    ]);
    expect(await fieldsOf(clash?.fromId ?? '')).toEqual([
      { customer_id: dossier, field: 'staffId', before: staffId(book.from), after: staffId(book.to) },
    ]);
  });

  it('bumps the version and stamps updated_at of every moved row with the time of the change', async () => {
    const stamps = await sql<{ entity_type: string; version: number; same_time: boolean; n: number }>(
      `select c.entity_type, coalesce(cu.version, p.version, r.version) as version,
              coalesce(cu.updated_at, p.updated_at, r.updated_at) = c.at as same_time, count(*)::int as n
       from change c
       left join customer cu on c.entity_type = 'Customer' and cu.id = c.entity_id
       left join project p on c.entity_type = 'Project' and p.id = c.entity_id
       left join relationship r on c.entity_type = 'Relationship' and r.id = c.entity_id
       where c.action = 'UPDATE' group by 1, 2, 3 order by 1`,
    );
    expect(stamps).toEqual([
      { entity_type: 'Customer', version: 2, same_time: true, n: 20 },
      { entity_type: 'Project', version: 2, same_time: true, n: 5 },
      { entity_type: 'Relationship', version: 2, same_time: true, n: 57 },
    ]);
    const untouched = await sql<{ version: number }>('select version from project where id in (?, ?)', [
      book.untouchedProjects[0]?.id,
      book.untouchedProjects[1]?.id,
    ]);
    expect(untouched).toEqual([{ version: 1 }, { version: 1 }]);
  });

  it('finds nothing left to hand over the second time', async () => {
    const again = await db.execute(
      TRANSFER,
      { from: staffId(book.from), to: staffId(book.to) },
      { viewer: manager },
    );
    expect(again).toEqual({ data: { transferCustomers: { customers: 0, relationships: 0, projects: 0 } } });
  });
});

describe('transferCustomers refuses', () => {
  const unknown = toGlobalId('Staff', '00000000-0000-4000-8000-000000000000');
  let giver: Staff;
  let taker: Staff;
  let departed: Staff;

  beforeAll(async () => {
    [giver, taker, departed] = [
      await build.staff(),
      await build.staff(),
      await build.staff({ active: false }),
    ];
    await build.customer({ owner: build.ref(Staff, giver) });
  });

  it.each([
    ['a malformed fromStaffId', 'BAD_USER_INPUT', 'fromStaffId', () => ['bogus', staffId(taker)]],
    [
      'a toStaffId of another type',
      'BAD_USER_INPUT',
      'toStaffId',
      () => [staffId(giver), toGlobalId('Customer', taker.id)],
    ],
    ['an unknown fromStaffId', 'NOT_FOUND', 'fromStaffId', () => [unknown, staffId(taker)]],
    ['an unknown toStaffId', 'NOT_FOUND', 'toStaffId', () => [staffId(giver), unknown]],
    ['a handover to oneself', 'BAD_USER_INPUT', 'toStaffId', () => [staffId(giver), staffId(giver)]],
    ['an inactive receiver', 'BAD_USER_INPUT', 'toStaffId', () => [staffId(giver), staffId(departed)]],
  ] as const)('%s: %s on %s, changing nothing', async (_case, code, field, ids) => {
    const [from, to] = ids();
    const counts = await tableCounts(db.orm);
    const refused = await db.execute(TRANSFER, { from, to }, { viewer: manager });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await tableCounts(db.orm)).toEqual(counts);
    expect(await count('customer where owner_id = ?', [giver.id])).toBe(1);
  });

  it('anonymous callers with UNAUTHENTICATED', async () => {
    const refused = await db.execute(TRANSFER, { from: staffId(giver), to: staffId(taker) });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
