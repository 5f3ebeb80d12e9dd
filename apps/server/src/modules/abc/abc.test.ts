import { StaffRole } from '@dossier/domain';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Staff } from '../staff/staff.entity.js';
import { abcFixtures, buyer } from './abc.fixtures.js';

const db = await testDatabase();
const build = builders(db.orm);
const fixtures = abcFixtures(db.orm);
let viewer: Staff;

beforeAll(async () => {
  viewer = await build.staff({}, StaffRole.ANALYST);
});
beforeEach(() => fixtures.reset());

// 2025-07-01..2026-06-30 is 365 days; the previous period is 2024-07-01..2025-06-30.
const PERIOD = { from: '2025-07-01', to: '2026-06-30' };
const NOW = '2025-08-01';

const CLASSIFY = `query ($input: AbcInput, $class: AbcClass, $first: Int, $after: String, $points: Int) {
  abcClassification(input: $input) {
    from to aShare bShare totalRevenue
    classes { class customers revenue share }
    customers(first: $first, after: $after, class: $class) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { customer { code } grade { class revenue share cumulativeShare rank previousClass } }
    }
    pareto(points: $points) { customerShare revenueShare }
    movements { from to customers }
  }
}`;

interface Classification {
  totalRevenue: string;
  classes: Array<{ class: string; customers: number; revenue: string; share: number }>;
  customers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{ customer: { code: string }; grade: Record<string, unknown> }>;
  };
  pareto: Array<{ customerShare: number; revenueShare: number }>;
  movements: Array<{ from: string | null; to: string; customers: number }>;
}

async function classify(variables: Record<string, unknown> = {}) {
  const result = await db.execute<{ abcClassification: Classification }>(
    CLASSIFY,
    { input: PERIOD, ...variables },
    { viewer },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.abcClassification as Classification;
}

/** code:class:rank per customer in rank order, the shortest readable form of a ranking. */
const ranking = (c: Classification) =>
  c.customers.nodes.map((n) => `${n.customer.code}:${n.grade.class}:${n.grade.rank}`).join(' ');

describe('abcClassification', () => {
  it('grades five customers, the one starting exactly at 80% as B, and one without orders as C', async () => {
    await fixtures.load([
      { code: 'K004', lines: [['2025-07-01', '60.00']] },
      {
        code: 'K002',
        lines: [
          ['2026-06-30', '250.00'],
          ['2025-12-01', '50.00'],
        ],
      },
      {
        code: 'K005',
        lines: [
          ['2025-09-09', '40.00'],
          ['2025-06-30', '999.00'],
        ],
      },
      {
        code: 'K001',
        lines: [
          ['2026-01-01', '500.00'],
          ['2026-07-01', '777.00'],
        ],
      },
      { code: 'K003', lines: [['2026-02-02', '100.00']] },
      { code: 'K006' },
    ]);
    const result = await classify();
    expect(result.totalRevenue).toBe('1000.00');
    expect(ranking(result)).toBe('K001:A:1 K002:A:2 K003:B:3 K004:B:4 K005:C:5 K006:C:6');
    expect(result.customers.nodes.map((n) => [n.grade.share, n.grade.cumulativeShare])).toEqual([
      [0.5, 0.5],
      [0.3, 0.8],
      [0.1, 0.9],
      [0.06, 0.96],
      [0.04, 1],
      [0, 1],
    ]);
    expect(result.classes).toEqual([
      { class: 'A', customers: 2, revenue: '800.00', share: 0.8 },
      { class: 'B', customers: 2, revenue: '160.00', share: 0.16 },
      { class: 'C', customers: 2, revenue: '40.00', share: 0.04 },
    ]);
    expect(result.customers.totalCount).toBe(6);
  });

  it('breaks ties by code byte by byte (upper case before lower case), also across a class boundary', async () => {
    await fixtures.load(['b1', 'Z3', 'B2', 'a4'].map((code) => buyer(code, '2026-03-03', '100.00')));
    const result = await classify({ input: { ...PERIOD, aShare: 0.3, bShare: 0.3 } });
    expect(ranking(result)).toBe('B2:A:1 Z3:A:2 a4:B:3 b1:C:4');
  });

  it('nets returns: a net negative customer is C, counts 0 in the total and ranks after zero revenue', async () => {
    await fixtures.load([
      {
        code: 'NEG',
        lines: [
          ['2025-08-01', '100.00'],
          ['2025-09-01', '-150.00'],
        ],
      },
      {
        code: 'ZERO',
        lines: [
          ['2025-08-01', '70.00'],
          ['2025-08-02', '-70.00'],
        ],
      },
      { code: 'IDLE' },
      {
        code: 'POS',
        lines: [
          ['2025-08-01', '200.00'],
          ['2025-10-01', '-50.00'],
        ],
      },
    ]);
    const result = await classify();
    expect(result.totalRevenue).toBe('150.00');
    expect(ranking(result)).toBe('POS:A:1 IDLE:C:2 ZERO:C:3 NEG:C:4');
    expect(result.customers.nodes.map((n) => n.grade.revenue)).toEqual(['150.00', '0.00', '0.00', '-50.00']);
    expect(result.classes.at(2)).toEqual({ class: 'C', customers: 3, revenue: '-50.00', share: 0 });
  });

  it('compares with the previous period: classes moved, and null for customers created since', async () => {
    await fixtures.load([
      {
        code: 'UP',
        lines: [
          ['2025-01-01', '10.00'],
          ['2026-01-01', '900.00'],
        ],
      },
      {
        code: 'DOWN',
        lines: [
          ['2024-07-01', '900.00'],
          ['2026-01-01', '10.00'],
        ],
      },
      { code: 'NEW', createdAt: `${NOW}T00:00:00Z`, lines: [['2026-01-01', '90.00']] },
      { code: 'IMPORTED', createdAt: `${NOW}T00:00:00Z`, lines: [['2025-06-30', '100.00']] },
      // The period starts at midnight in Beijing, 16:00 UTC the day before.
      { code: 'NEWIDLE', createdAt: '2025-06-30T16:00:00Z' },
      { code: 'OLDIDLE', createdAt: '2025-06-30T15:59:59Z' },
    ]);
    const result = await classify();
    expect(
      result.customers.nodes
        .map((n) => `${n.customer.code}:${n.grade.previousClass}>${n.grade.class}`)
        .join(' '),
    ).toBe('UP:C>A NEW:null>B DOWN:A>C IMPORTED:B>C NEWIDLE:null>C OLDIDLE:C>C');
    expect(result.movements).toEqual([
      { from: 'A', to: 'C', customers: 1 },
      { from: 'B', to: 'C', customers: 1 },
      { from: 'C', to: 'A', customers: 1 },
      { from: 'C', to: 'C', customers: 1 },
      { from: null, to: 'B', customers: 1 },
      { from: null, to: 'C', customers: 1 },
    ]);
  });

  it.each([
    [2, [0, 1]],
    [3, [0, 0.5, 1]],
    [4, [0, 0.3, 0.7, 1]],
  ])('thins the Pareto curve of 10 customers to %i points', async (points, customerShares) => {
    await fixtures.load(
      Array.from({ length: 10 }, (_, i) => buyer(`P${i}`, '2026-01-01', `${(i + 1) * 10}.00`)),
    );
    const result = await classify({ points });
    expect(result.pareto.map((p) => p.customerShare)).toEqual(customerShares);
    expect(result.pareto.at(-1)).toEqual({ customerShare: 1, revenueShare: 1 });
  });

  it('draws every point of a small curve, and none without revenue', async () => {
    await fixtures.load([
      { code: 'X', lines: [['2026-01-01', '30.00']] },
      { code: 'Y', lines: [['2026-01-02', '10.00']] },
    ]);
    expect((await classify()).pareto).toEqual([
      { customerShare: 0, revenueShare: 0 },
      { customerShare: 0.5, revenueShare: 0.75 },
      { customerShare: 1, revenueShare: 1 },
    ]);
    await fixtures.reset();
    await fixtures.load([{ code: 'X' }]);
    expect((await classify()).pareto).toEqual([]);
  });

  it('pages by rank within a class, the cursor continuing after the last rank seen', async () => {
    const amounts = ['400.00', '200.00', '100.00', '100.00', '100.00', '50.00', '50.00'];
    await fixtures.load(amounts.map((amount, i) => buyer(`C${i}`, '2026-01-01', amount)));
    const onlyC = await classify({ class: 'C', first: 2 });
    expect(ranking(onlyC)).toBe('C6:C:7');
    expect(onlyC.customers.pageInfo.hasNextPage).toBe(false);
    expect(onlyC.customers.totalCount).toBe(1);
    const firstB = await classify({ class: 'B', first: 1 });
    expect(ranking(firstB)).toBe('C4:B:5');
    const nextB = await classify({ class: 'B', first: 1, after: firstB.customers.pageInfo.endCursor });
    expect(ranking(nextB)).toBe('C5:B:6');
    expect(nextB.customers.pageInfo.hasNextPage).toBe(false);
    const all = await classify({ first: 3 });
    expect(ranking(all)).toBe('C0:A:1 C1:A:2 C2:A:3');
    const next = await classify({ first: 3, after: all.customers.pageInfo.endCursor });
    expect(ranking(next)).toBe('C3:A:4 C4:B:5 C5:B:6');
    expect(next.customers.pageInfo.hasNextPage).toBe(true);
    expect(next.customers.totalCount).toBe(7);
  });

  it.each([
    [{ from: '2026-01-02', to: '2026-01-01' }, 'input.from'],
    [{ from: '2016-01-01', to: '2026-01-01' }, 'input.to'],
    [{ aShare: 0 }, 'input.aShare'],
    [{ aShare: -0.5 }, 'input.aShare'],
    [{ bShare: -0.01 }, 'input.bShare'],
    [{ aShare: 0.9, bShare: 0.2 }, 'input.bShare'],
  ])('refuses %j naming %s', async (input, field) => {
    const result = await db.execute(CLASSIFY, { input: { ...PERIOD, ...input } }, { viewer });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  // Found by the fuzz test: twelve months back from 0001-01-01 is no date JS prints or PostgreSQL stores.
  it('refuses a period ending in year 1 as input, not as an internal error', async () => {
    const result = await db.execute(CLASSIFY, { input: { to: '0001-01-01' } }, { viewer });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it.each([
    ['pareto(points: 1) { customerShare }', 'points'],
    ['pareto(points: 1001) { customerShare }', 'points'],
    ['customers(first: 201) { totalCount }', 'first'],
    ['customers(after: "bm90IGEgY3Vyc29y") { totalCount }', 'after'],
    // a cursor of another list: its sort value is a name, not a rank
    [
      'customers(after: "WyJBY21lIiwiMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwIl0") { totalCount }',
      'after',
    ],
  ])('refuses %s naming %s', async (field, name) => {
    const result = await db.execute(`{ abcClassification { ${field} } }`, {}, { viewer });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: name });
  });

  it('accepts shares adding up to exactly 1 and a period of just under 10 years', async () => {
    await fixtures.load([{ code: 'ONLY', lines: [['2020-01-01', '1.00']] }]);
    const result = await classify({
      input: { from: '2016-01-02', to: '2026-01-01', aShare: 0.8, bShare: 0.2 },
    });
    expect(ranking(result)).toBe('ONLY:A:1');
  });

  it('computes the whole classification in one statement', async () => {
    await fixtures.load([{ code: 'ONE', lines: [['2026-01-01', '1.00']] }]);
    const statements = await db.captureSql(() => classify());
    expect(statements.filter((s) => s.includes('customer_day_revenue'))).toHaveLength(1);
  });
});
