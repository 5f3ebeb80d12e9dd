import { CustomerNature, HISTORY_ENTITY_TYPES, RelationshipState, StaffRole } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { runAs } from '../../core/audit/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { runOnClock } from '../../core/clock/current-clock.js';
import { parseGlobalId, toGlobalId } from '../../core/graphql/global-id.js';
import { encodeCursor } from '../../core/pagination/cursor.js';
import { Customer } from '../customer/customer.entity.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { Relationship } from '../relationship/relationship.entity.js';
import { Staff } from '../staff/staff.entity.js';

const db = await testDatabase({ clock: fixedClock('2026-11-29T04:00:00Z') });
let viewer: Staff;
let li: Staff;
let wang: Staff;
const customers: Customer[] = [];

/** Writes through the ORM as `actor` at `time`, so the history records that actor and instant. */
async function writeAt(time: Date, actor: Staff | null, work: (em: EntityManager) => Promise<void>) {
  const em = db.orm.em.fork();
  await runOnClock(fixedClock(time), () =>
    runAs(actor?.id ?? null, async () => {
      await work(em);
      await em.flush();
    }),
  );
}

/**
 * Seventy writes every five hours from 2026-11-15 (some sharing an instant, so ids break ties), by Li, Wang
 * or nobody: customers created and renamed, key persons added, relationships set. The hours cross midnight
 * in Shanghai, where the days of `from`/`to` begin.
 */
beforeAll(async () => {
  const em = db.orm.em.fork();
  viewer = new Staff('分析员', 'analyst@example.com', StaffRole.ANALYST);
  li = new Staff('李娜', 'li@example.com', StaffRole.SALES_REP);
  wang = new Staff('王强', 'wang@example.com', StaffRole.SALES_REP);
  await em.persist([viewer, li, wang]).flush();
  const actors = [li, wang, null];
  const keyPersons: string[] = [];
  let time = Date.UTC(2026, 10, 15, 1, 0);
  for (let n = 0; n < 70; n += 1) {
    if (n % 7 !== 3) time += 5 * 3600_000;
    const customer = customers[n % Math.max(1, customers.length)];
    await writeAt(new Date(time), actors[n % 3] ?? null, async (fork) => {
      if (n % 4 === 0 || !customer) {
        const created = new Customer(`C${n}`, `客户${n}`, CustomerNature.COMPANY);
        fork.persist(created);
        customers.push(created);
      } else if (n % 4 === 1) {
        (await fork.findOneOrFail(Customer, customer.id)).name = `客户${n}改`;
      } else if (n % 4 === 2) {
        const person = new KeyPerson(
          fork.getReference(Customer, customer.id, { wrapped: true }),
          `联系人${n}`,
        );
        fork.persist(person);
        keyPersons.push(person.id);
      } else {
        const person = await fork.findOneOrFail(KeyPerson, keyPersons[n % keyPersons.length] as string);
        const staff = fork.getReference(Staff, (n % 2 ? li : wang).id, { wrapped: true });
        const existing = await fork.findOne(Relationship, { keyPerson: person.id, staff: staff.id });
        if (existing) existing.state = RelationshipState.POSITIVE;
        else
          fork.persist(
            new Relationship(
              fork.getReference(KeyPerson, person.id, { wrapped: true }),
              staff,
              RelationshipState.NEUTRAL,
            ),
          );
      }
    });
  }
});

const LIST = `query ($filter: ChangeFilter, $first: Int, $after: String) {
  changes(filter: $filter, first: $first, after: $after) {
    totalCount nodes { id } pageInfo { endCursor hasNextPage }
  }
}`;

type Page = {
  changes: {
    totalCount: number;
    nodes: Array<{ id: string }>;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
};

/** Every change id of the list, walking it four at a time, and the first page's totalCount. */
async function walk(filter: Record<string, unknown> | null) {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount: number | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const result: { data?: Page | null; errors?: unknown } = await db.execute<Page>(
      LIST,
      { filter, first: 4, after },
      { viewer },
    );
    expect(result.errors).toBeUndefined();
    const page = result.data?.changes;
    totalCount ??= page?.totalCount;
    ids.push(...(page?.nodes.map((node) => parseGlobalId(node.id)?.id ?? node.id) ?? []));
    if (!page?.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { ids, totalCount };
}

/** The truth in SQL: days are the Shanghai calendar's, as the business time zone reads `at`. */
async function expected(where: string, params: unknown[]): Promise<string[]> {
  const rows = await db.orm.em
    .fork()
    // The list holds the dossiers' changes; a staff member's (role, manager) belong to no dossier.
    .execute<Array<{ id: string }>>(
      `select id from change where customer_id is not null and (${where}) order by at desc, id desc`,
      params,
    );
  return rows.map((row) => row.id);
}

const shanghaiDay = "(at at time zone 'Asia/Shanghai')::date";

describe('changes: every filter against SQL written in the test, walked four at a time', () => {
  const cases: Array<{
    name: string;
    filter: () => Record<string, unknown> | null;
    where: () => [string, unknown[]];
  }> = [
    { name: 'everything, newest first', filter: () => null, where: () => ['true', []] },
    {
      name: "Li's changes",
      filter: () => ({ actorId: toGlobalId('Staff', li.id) }),
      where: () => ['actor_id = ?', [li.id]],
    },
    {
      name: 'key persons and relationships only',
      filter: () => ({ entityTypes: ['KeyPerson', 'Relationship'] }),
      where: () => ["entity_type in ('KeyPerson', 'Relationship')", []],
    },
    {
      name: "one customer's dossier",
      filter: () => ({ customerId: toGlobalId('Customer', (customers[2] as Customer).id) }),
      where: () => ['customer_id = ?', [customers[2]?.id]],
    },
    {
      name: 'days of the business calendar, both inclusive',
      filter: () => ({ from: '2026-11-18', to: '2026-11-20' }),
      where: () => [`${shanghaiDay} between '2026-11-18' and '2026-11-20'`, []],
    },
    {
      name: 'what Wang changed from one day on, on customers',
      filter: () => ({
        actorId: toGlobalId('Staff', wang.id),
        from: '2026-11-22',
        entityTypes: ['Customer'],
      }),
      where: () => [
        `actor_id = ? and ${shanghaiDay} >= '2026-11-22' and entity_type = 'Customer'`,
        [wang.id],
      ],
    },
    {
      name: 'one day alone',
      filter: () => ({ from: '2026-11-17', to: '2026-11-17' }),
      where: () => [`${shanghaiDay} = '2026-11-17'`, []],
    },
    {
      name: 'up to a day',
      filter: () => ({ to: '2026-11-16', entityTypes: [] }),
      where: () => [`${shanghaiDay} <= '2026-11-16'`, []],
    },
  ];

  it.each(cases)('$name', async ({ filter, where }) => {
    const [sql, params] = where();
    const truth = await expected(sql, params);
    const { ids, totalCount } = await walk(filter());
    expect(ids).toEqual(truth);
    expect(totalCount).toBe(truth.length);
  });

  it('has data that makes the cases tell something: ties, days split by UTC, every actor', async () => {
    const [row] = await db.orm.em.fork().execute<Array<Record<string, number>>>(
      `select count(*)::int as n, (count(*) - count(distinct at))::int as tied,
              count(*) filter (where ${shanghaiDay} <> (at at time zone 'UTC')::date)::int as split,
              count(distinct actor_id)::int as actors, count(*) filter (where actor_id is null)::int as anonymous
       from change`,
    );
    expect(row?.n).toBeGreaterThan(60);
    expect(row?.tied).toBeGreaterThan(5);
    expect(row?.split).toBeGreaterThan(5);
    expect(row?.actors).toBe(2);
    expect(row?.anonymous).toBeGreaterThan(5);
  });

  it('offers as record types exactly those whose changes the history writer records', () => {
    const recorded = Object.values(db.orm.getMetadata().getAll())
      .filter((meta) => typeof meta.class?.prototype?.dossierId === 'function')
      .map((meta) => meta.className)
      .sort();
    expect(recorded).toEqual(HISTORY_ENTITY_TYPES);
  });
});

describe('changes refuse bad input before any SQL runs', () => {
  const forged = (value: string | number | null) =>
    encodeCursor({ value, id: '00000000-0000-4000-8000-000000000000' });

  it.each([
    ['a page size over 200', { first: 500 }, 'first'],
    ['a day where a time goes', { after: forged('2026-11-20') }, 'after'],
    ['a null where a time goes', { after: forged(null) }, 'after'],
    ['days ending before they start', { filter: { from: '2026-11-20', to: '2026-11-19' } }, 'filter.to'],
    [
      'a record type the history does not record',
      { filter: { entityTypes: ['Customer', 'Staff'] } },
      'filter.entityTypes',
    ],
    [
      'an actor id that is a customer id',
      { filter: { actorId: toGlobalId('Customer', '00000000-0000-4000-8000-000000000000') } },
      'filter.actorId',
    ],
    ['a customer id that is no id', { filter: { customerId: '???' } }, 'filter.customerId'],
  ])('%s', async (_case, variables, field) => {
    const sql = await db.captureSql(async () => {
      const result = await db.execute(LIST, variables, { viewer });
      expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', field],
      ]);
    });
    expect(sql).toEqual([]);
  });

  it('refuses an anonymous caller', async () => {
    const result = await db.execute(LIST, {});
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(result.data ?? null).toBeNull();
  });
});

describe('changes batch who made them and their field values', () => {
  const NESTED = `query ($first: Int) {
    changes(first: $first) { nodes { action actor { name } changes { field before after } } }
  }`;
  type Nested = {
    changes: { nodes: Array<{ actor: { name: string } | null; changes: Array<{ field: string }> }> };
  };

  async function run(first: number) {
    let result: Awaited<ReturnType<typeof db.execute<Nested>>> | undefined;
    const statements = await db.captureSql(async () => {
      result = await db.execute<Nested>(NESTED, { first }, { viewer });
    });
    expect(result?.errors).toBeUndefined();
    return { statements, nodes: result?.data?.changes.nodes ?? [] };
  }

  it('runs as many statements for 50 changes as for 10', async () => {
    const small = await run(10);
    const large = await run(50);
    expect(small.nodes).toHaveLength(10);
    expect(large.nodes).toHaveLength(50);
    expect(large.statements.length).toBe(small.statements.length);
    // The page, the actors, the field values: one statement each.
    expect(small.statements).toHaveLength(3);
    expect(new Set(large.nodes.map((node) => node.actor?.name ?? null))).toEqual(
      new Set(['李娜', '王强', null]),
    );
    expect(large.nodes.every((node) => node.changes.length > 0)).toBe(true);
  });
});
