import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { encodeCursor } from '../../core/pagination/cursor.js';
import { Staff } from './staff.entity.js';

const db = await testDatabase();
const build = builders(db.orm);
let viewer: Staff;
let wang: Staff;
let departed: Staff;

beforeAll(async () => {
  viewer = await build.staff({ name: '赵经理', email: 'Zhao.Manager@Example.com' }, StaffRole.ADMIN);
  wang = await build.staff({ name: '王晓明', email: 'wang.xm@example.com' });
  // Two of the same name: the page boundary falls between them, and only the id tells them apart.
  await build.staff({ name: '王芳', email: 'wang.fang1@example.com' });
  await build.staff({ name: '王芳', email: 'wang.fang2@example.com' });
  departed = await build.staff({ name: '李离职', email: 'li.left@example.com', active: false });
  await build.staff({ name: 'Anna 100%', email: 'anna@example.com' }, StaffRole.ANALYST);
  await build.staff({ name: '陈档案', email: 'archive@example.com' }, StaffRole.ARCHIVIST);
});

type Page = {
  staffMembers: {
    totalCount: number;
    nodes: Array<{ name: string; email: string; customerCount: number }>;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
};
const LIST = `query ($filter: StaffFilter, $order: StaffOrder, $first: Int, $after: String) {
  staffMembers(filter: $filter, orderBy: $order, first: $first, after: $after) {
    totalCount nodes { name email customerCount } pageInfo { endCursor hasNextPage }
  }
}`;

async function list(variables: Record<string, unknown>) {
  const result = await db.execute<Page>(LIST, variables, { viewer });
  expect(result.errors).toBeUndefined();
  return result.data?.staffMembers;
}

const emails = async (filter: Record<string, unknown>) =>
  (await list({ filter, first: 50 }))?.nodes.map((n) => n.email);

/** Every e-mail of the directory, walking it `first` at a time. */
async function walk(order: Record<string, string>, first: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await list({ order, first, after });
    seen.push(...(page?.nodes.map((n) => n.email) ?? []));
    if (!page?.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
}

/** The directory in an order PostgreSQL computes on its own, to compare the pages with. */
async function emailsBy(orderBy: string): Promise<string[]> {
  const rows = await db.orm.em
    .fork()
    .execute<Array<{ email: string }>>(`select email from staff order by ${orderBy}`);
  return rows.map((row) => row.email);
}

describe('the staff directory', () => {
  it.each([
    [
      'a Chinese name fragment',
      { search: '王' },
      ['wang.fang1@example.com', 'wang.fang2@example.com', 'wang.xm@example.com'],
    ],
    ['an e-mail in another case', { search: 'ZHAO.manager' }, ['Zhao.Manager@Example.com']],
    ['a name or an e-mail', { search: 'li' }, ['li.left@example.com']],
    ['a % taken literally', { search: '100%' }, ['anna@example.com']],
    ['a _ taken literally', { search: 'wang_' }, []],
    ['roles', { roles: ['ANALYST', 'ARCHIVIST'] }, ['anna@example.com', 'archive@example.com']],
    ['those who left', { active: false }, ['li.left@example.com']],
    [
      'current staff of a role',
      { active: true, roles: ['SALES_REP'], search: '王芳' },
      ['wang.fang1@example.com', 'wang.fang2@example.com'],
    ],
  ])('filters by %s', async (_case, filter, expected) => {
    expect((await emails(filter))?.sort()).toEqual(expected);
  });

  it('counts the whole filtered directory, beyond the page', async () => {
    const page = await list({ filter: { active: true }, first: 2 });
    expect(page?.nodes).toHaveLength(2);
    expect(page?.totalCount).toBe(6);
  });

  it.each([
    [{ field: 'NAME', direction: 'ASC' }, 'name, id'],
    [{ field: 'NAME', direction: 'DESC' }, 'name desc, id desc'],
    [{ field: 'EMAIL', direction: 'ASC' }, 'email, id'],
  ])('pages through %j with no row missed or repeated', async (order, sql) => {
    const expected = await emailsBy(sql);
    expect(expected).toHaveLength(7);
    expect(await walk(order, 2)).toEqual(expected);
    expect(await walk(order, 3)).toEqual(expected);
  });

  it.each([
    [{ first: -1 }, 'first'],
    [{ first: 201 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ after: encodeCursor({ value: 7, id: '00000000-0000-4000-8000-000000000000' }) }, 'after'],
  ])('refuses %j with BAD_USER_INPUT on %s before any SQL runs', async (variables, field) => {
    const sql = await db.captureSql(async () => {
      const result = await db.execute(LIST, variables, { viewer });
      expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', field],
      ]);
    });
    expect(sql).toEqual([]);
  });

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const result = await db.execute(LIST, {});
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(result.data ?? null).toBeNull();
  });
});

describe('customerCount', () => {
  it("counts the customers each staff member owns, a departed rep's included", async () => {
    for (let i = 0; i < 3; i++) await build.customer({ owner: build.ref(Staff, wang) });
    for (let i = 0; i < 2; i++) await build.customer({ owner: build.ref(Staff, departed) });
    await build.customer();
    const page = await list({ filter: { search: '@example.com' }, first: 50 });
    const counts = Object.fromEntries(page?.nodes.map((n) => [n.email, n.customerCount]) ?? []);
    expect(counts).toMatchObject({
      'wang.xm@example.com': 3,
      'li.left@example.com': 2,
      'anna@example.com': 0,
    });
  });

  it('runs the same three statements for 5 staff as for 50', async () => {
    const many: Staff[] = [];
    for (let i = 0; i < 45; i++) many.push(await build.staff({ name: `批量${String(i).padStart(2, '0')}` }));
    for (const owner of many.slice(0, 10)) await build.customer({ owner: build.ref(Staff, owner) });

    const run = async (first: number) => {
      let page: Page['staffMembers'] | undefined;
      const statements = await db.captureSql(async () => {
        page = await list({ first, filter: { search: '批量' } });
      });
      return { statements, page };
    };
    const five = await run(5);
    const fifty = await run(50);
    expect(five.page?.nodes).toHaveLength(5);
    expect(fifty.page?.nodes).toHaveLength(45);
    // The page (with its count) and one GROUP BY for every customerCount.
    expect(five.statements).toHaveLength(3);
    expect(fifty.statements).toHaveLength(3);
    expect(fifty.statements.filter((sql) => sql.includes('group by'))).toHaveLength(1);
    // A directory is no reason to read secrets: the page names its columns, and the hash is not one.
    expect(fifty.statements.filter((sql) => /password_hash|"s"\.\*/.test(sql))).toEqual([]);
    expect(fifty.page?.nodes.filter((n) => n.customerCount === 1)).toHaveLength(10);
  });

  it('matches the count of the customers list filtered by that owner, for everyone', async () => {
    type Directory = { staffMembers: { nodes: Array<{ id: string; customerCount: number }> } };
    const directory = await db.execute<Directory>(
      '{ staffMembers(first: 200) { nodes { id customerCount } } }',
      {},
      { viewer },
    );
    const nodes = directory.data?.staffMembers.nodes ?? [];
    expect(nodes.length).toBeGreaterThan(50);
    for (const { id, customerCount } of nodes) {
      const owned = await db.execute<{ customers: { totalCount: number } }>(
        'query ($id: ID!) { customers(filter: { ownerId: $id }) { totalCount } }',
        { id },
        { viewer },
      );
      expect([id, owned.data?.customers.totalCount]).toEqual([id, customerCount]);
    }
  });
});
