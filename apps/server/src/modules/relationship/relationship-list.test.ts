import { RelationshipState, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { parseGlobalId, toGlobalId } from '../../core/graphql/global-id.js';
import { encodeCursor } from '../../core/pagination/cursor.js';
import type { Customer } from '../customer/customer.entity.js';
import type { KeyPerson } from '../key-person/key-person.entity.js';
import type { Staff } from '../staff/staff.entity.js';

const db = await testDatabase({ clock: fixedClock('2026-11-29T04:00:00Z') });
const build = builders(db.orm);
let viewer: Staff;
let staff: Staff[];
let customers: Customer[];
let keyPersons: KeyPerson[];

const STATES = Object.values(RelationshipState);
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 8, 30));

/**
 * Five customers of five key persons each (the last a placeholder, named by its title), linked to three of
 * our staff in all four states. Last contacts repeat (ties by id) and some links were never contacted (null);
 * update times spread over the month for changedSince.
 */
beforeAll(async () => {
  viewer = await build.staff({ name: '分析员' }, StaffRole.ANALYST);
  staff = [await build.staff({ name: '王强' }), await build.staff({ name: '李娜' }), await build.staff()];
  customers = [];
  keyPersons = [];
  for (const i of [0, 1, 2, 3, 4]) {
    const customer = await build.customer({ name: `客户${'戊丁丙乙甲'[i]}` });
    customers.push(customer);
    for (const j of [0, 1, 2, 3, 4]) {
      const person =
        j === 4
          ? await build.keyPerson(customer, { name: null, title: `总监${i}` })
          : await build.keyPerson(customer, { name: `联系人${(i * 5 + j) % 7}` });
      keyPersons.push(person);
      for (const k of [0, 1, 2]) {
        if ((i + j + k) % 4 === 0) continue;
        const relationship = await build.relationship(
          person,
          staff[k] as Staff,
          STATES[(i * 7 + j * 3 + k) % 4],
        );
        const lastContact = (i + 2 * j + k) % 5 === 0 ? null : day(1 + ((i * 3 + j + k) % 6));
        await db.orm.em
          .fork()
          .execute('update relationship set last_contact_at = ?, updated_at = ? where id = ?', [
            lastContact,
            day(10 + ((i + j * 2 + k) % 7)),
            relationship.id,
          ]);
      }
    }
  }
});

const LIST = `query ($filter: RelationshipFilter, $order: RelationshipOrder, $first: Int, $after: String) {
  relationships(filter: $filter, orderBy: $order, first: $first, after: $after) {
    totalCount nodes { id } pageInfo { endCursor hasNextPage }
  }
}`;

type Page = {
  relationships: {
    totalCount: number;
    nodes: Array<{ id: string }>;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
};

/** Every relationship id of the list, walking it three at a time, and the first page's totalCount. */
async function walk(variables: Record<string, unknown>) {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount: number | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const result: { data?: Page | null; errors?: unknown } = await db.execute<Page>(
      LIST,
      { ...variables, first: 3, after },
      { viewer },
    );
    expect(result.errors).toBeUndefined();
    const page = result.data?.relationships;
    totalCount ??= page?.totalCount;
    ids.push(...(page?.nodes.map((node) => parseGlobalId(node.id)?.id ?? node.id) ?? []));
    if (!page?.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { ids, totalCount };
}

/** The truth, written straight in SQL: the ids the list must give, in order. */
async function expected(where: string, params: unknown[], orderBy: string): Promise<string[]> {
  const rows = await db.orm.em.fork().execute<Array<{ id: string }>>(
    `select r.id from relationship r
     join key_person kp on kp.id = r.key_person_id
     join customer c on c.id = kp.customer_id
     where ${where} order by ${orderBy}`,
    params,
  );
  return rows.map((row) => row.id);
}

const gid = (type: string, entity: { id: string }) => toGlobalId(type, entity.id);

describe('relationships: every filter and sort against SQL written in the test, walked three at a time', () => {
  const cases: Array<{
    name: string;
    variables: () => Record<string, unknown>;
    where: () => [string, unknown[]];
    orderBy: string;
  }> = [
    {
      name: 'no arguments: latest contact first, never contacted last',
      variables: () => ({}),
      where: () => ['true', []],
      orderBy: 'r.last_contact_at desc nulls last, r.id desc',
    },
    {
      name: 'last contact ascending still puts the never contacted last',
      variables: () => ({ order: { field: 'LAST_CONTACT', direction: 'ASC' } }),
      where: () => ['true', []],
      orderBy: 'r.last_contact_at asc nulls last, r.id asc',
    },
    {
      name: "one staff member's links by customer name",
      variables: () => ({
        filter: { staffId: gid('Staff', staff[0] as Staff) },
        order: { field: 'CUSTOMER_NAME', direction: 'ASC' },
      }),
      where: () => ['r.staff_id = ?', [staff[0]?.id]],
      orderBy: 'c.name asc, r.id asc',
    },
    {
      name: 'states, by key person name (a placeholder by its title) descending',
      variables: () => ({
        filter: { states: ['POSITIVE', 'NEGATIVE'] },
        order: { field: 'KEY_PERSON_NAME', direction: 'DESC' },
      }),
      where: () => ["r.state in ('POSITIVE', 'NEGATIVE')", []],
      orderBy: 'coalesce(kp.name, kp.title) desc, r.id desc',
    },
    {
      name: 'last contact in [after, before)',
      variables: () => ({
        filter: { lastContactAfter: day(2).toISOString(), lastContactBefore: day(5).toISOString() },
        order: { field: 'LAST_CONTACT', direction: 'ASC' },
      }),
      where: () => ['r.last_contact_at >= ? and r.last_contact_at < ?', [day(2), day(5)]],
      orderBy: 'r.last_contact_at asc, r.id asc',
    },
    {
      name: 'changed since, on one customer, by customer name descending',
      variables: () => ({
        filter: {
          changedSince: day(13).toISOString(),
          customerId: gid('Customer', customers[1] as Customer),
        },
        order: { field: 'CUSTOMER_NAME', direction: 'DESC' },
      }),
      where: () => ['r.updated_at >= ? and c.id = ?', [day(13), customers[1]?.id]],
      orderBy: 'c.name desc, r.id desc',
    },
    {
      name: 'one key person, one staff member and a state together',
      variables: () => ({
        filter: {
          keyPersonId: gid('KeyPerson', keyPersons[7] as KeyPerson),
          staffId: gid('Staff', staff[2] as Staff),
          states: STATES,
        },
      }),
      where: () => ['r.key_person_id = ? and r.staff_id = ?', [keyPersons[7]?.id, staff[2]?.id]],
      orderBy: 'r.last_contact_at desc nulls last, r.id desc',
    },
    {
      name: 'before alone leaves out the never contacted, by key person name',
      variables: () => ({
        filter: { lastContactBefore: day(4).toISOString() },
        order: { field: 'KEY_PERSON_NAME', direction: 'ASC' },
      }),
      where: () => ['r.last_contact_at < ?', [day(4)]],
      orderBy: 'coalesce(kp.name, kp.title) asc, r.id asc',
    },
  ];

  it.each(cases)('$name', async ({ variables, where, orderBy }) => {
    const [sql, params] = where();
    const truth = await expected(sql, params, orderBy);
    const { ids, totalCount } = await walk(variables());
    expect(ids).toEqual(truth);
    expect(totalCount).toBe(truth.length);
  });

  it('has data that makes the cases tell something: ties, never contacted links, a page of many', async () => {
    const [row] = await db.orm.em.fork().execute<Array<{ n: number; never: number; tied: number }>>(
      `select count(*)::int as n, count(*) filter (where last_contact_at is null)::int as never,
              (count(last_contact_at) - count(distinct last_contact_at))::int as tied from relationship`,
    );
    expect(row?.n).toBeGreaterThan(50);
    expect(row?.never).toBeGreaterThan(3);
    expect(row?.tied).toBeGreaterThan(3);
  });

  it('answers an empty page for a staff member with no links', async () => {
    const { ids, totalCount } = await walk({ filter: { staffId: gid('Staff', viewer) } });
    expect([ids, totalCount]).toEqual([[], 0]);
  });
});

describe('relationships refuse bad input before any SQL runs', () => {
  const forged = (value: string | number | null) =>
    encodeCursor({ value, id: '00000000-0000-4000-8000-000000000000' });

  it.each([
    ['a page size over 200', { first: 201 }, 'first'],
    ['a negative page size', { first: -1 }, 'first'],
    ['a name where a last contact goes', { after: forged('王') }, 'after'],
    ['a date where a last contact goes', { after: forged('2026-11-01') }, 'after'],
    [
      'a null where a customer name goes',
      { after: forged(null), order: { field: 'CUSTOMER_NAME', direction: 'ASC' } },
      'after',
    ],
    [
      'a number where a key person name goes',
      { after: forged(3), order: { field: 'KEY_PERSON_NAME', direction: 'ASC' } },
      'after',
    ],
    ['a cursor that is no cursor', { after: 'not-a-cursor' }, 'after'],
    [
      'a last-contact window ending before it starts',
      {
        filter: {
          lastContactAfter: '2026-11-05T00:00:00.000Z',
          lastContactBefore: '2026-11-04T00:00:00.000Z',
        },
      },
      'filter.lastContactBefore',
    ],
    [
      'an empty last-contact window',
      {
        filter: {
          lastContactAfter: '2026-11-05T00:00:00.000Z',
          lastContactBefore: '2026-11-05T00:00:00.000Z',
        },
      },
      'filter.lastContactBefore',
    ],
    [
      'a customer id as staff id',
      { filter: { staffId: toGlobalId('Customer', '00000000-0000-4000-8000-000000000000') } },
      'filter.staffId',
    ],
    ['a customer id that is no id', { filter: { customerId: 'nonsense' } }, 'filter.customerId'],
    [
      'a staff id as key person id',
      { filter: { keyPersonId: toGlobalId('Staff', '00000000-0000-4000-8000-000000000000') } },
      'filter.keyPersonId',
    ],
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

describe('relationships batch what hangs off them', () => {
  const NESTED = `query ($first: Int) {
    relationships(first: $first) { nodes { state staff { name } keyPerson { name customer { name } } } }
  }`;
  type Nested = {
    relationships: {
      nodes: Array<{ staff: { name: string }; keyPerson: { name: string; customer: { name: string } } }>;
    };
  };

  async function run(first: number) {
    let result: Awaited<ReturnType<typeof db.execute<Nested>>> | undefined;
    const statements = await db.captureSql(async () => {
      result = await db.execute<Nested>(NESTED, { first }, { viewer });
    });
    expect(result?.errors).toBeUndefined();
    return { statements, nodes: result?.data?.relationships.nodes ?? [] };
  }

  it('runs as many statements for 50 links as for 10', async () => {
    const small = await run(10);
    const large = await run(50);
    expect(small.nodes).toHaveLength(10);
    expect(large.nodes).toHaveLength(50);
    expect(large.statements.length).toBe(small.statements.length);
    // The page, then staff, key persons and their customers: one statement each.
    expect(small.statements).toHaveLength(4);
    expect(new Set(large.nodes.map((node) => node.keyPerson.customer.name)).size).toBe(5);
    expect(large.nodes.map((node) => node.staff.name)).toContain('王强');
  });
});
