import { RiskLevel as L, RiskCode as R, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { encodeCursor } from '../../core/pagination/cursor.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import { riskFixtures } from './risk.fixtures.js';

const db = await testDatabase();
const fx = riskFixtures(db.orm);
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const RISK_CUSTOMERS = `query ($first: Int, $after: String, $minLevel: RiskLevel) {
  riskCustomers(first: $first, after: $after, minLevel: $minLevel) {
    nodes { code }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

interface Page {
  riskCustomers: {
    nodes: Array<{ code: string }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

let viewer: Staff;
/** Codes in the expected order: score desc, then customer id desc. */
let ranked: string[];

const overdue = { code: R.OVERDUE_RECEIVABLE, level: L.HIGH, params: { amount: '12500.00', days: 95 } };

beforeAll(async () => {
  viewer = await fx.build.staff({}, StaffRole.ADMIN);
  const rows: Array<[string, number, L]> = [
    ['H120', 120, L.HIGH],
    ['H100a', 100, L.HIGH],
    ['H100b', 100, L.HIGH],
    ['M11', 11, L.MEDIUM],
    ['M10', 10, L.MEDIUM],
    ['L1', 1, L.LOW],
    ['N0', 0, L.NONE],
  ];
  const built: Array<[Customer, number]> = [];
  for (const [code, score, level] of rows) {
    const customer = await fx.build.customer({ code, reviewedAt: new Date() });
    // Only the ordering is under test here: the signals are whatever the score needs to be believable.
    const signals = score > 0 ? [{ ...overdue, level }] : [];
    await fx.sql(
      'update risk_assessment set score = ?, level = ?, signals = ?::jsonb where customer_id = ?',
      [score, level, JSON.stringify(signals), customer.id],
    );
    built.push([customer, score]);
  }
  ranked = built
    .sort(([a, sa], [b, sb]) => sb - sa || (a.id < b.id ? 1 : -1))
    .map(([customer]) => customer.code);
});

const page = async (variables: Record<string, unknown>) => {
  const result = await db.execute<Page>(RISK_CUSTOMERS, variables, { viewer });
  expect(result.errors).toBeUndefined();
  return result.data?.riskCustomers;
};

describe('riskCustomers', () => {
  it.each([
    [undefined, 6],
    [L.LOW, 6],
    [L.MEDIUM, 5],
    [L.HIGH, 3],
    [L.NONE, 7],
  ])('minLevel %s lists the customers at that level or above, riskiest first', async (minLevel, n) => {
    const result = await page({ minLevel, first: 50 });
    expect(result?.nodes.map((c) => c.code)).toEqual(ranked.slice(0, n));
    expect(result?.pageInfo.hasNextPage).toBe(false);
  });

  it('pages by keyset through ties of equal score', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (const expected of [
      [true, false],
      [true, true],
      [false, true],
    ]) {
      const result = await page({ first: 2, after });
      seen.push(...(result?.nodes.map((c) => c.code) ?? []));
      expect([result?.pageInfo.hasNextPage, result?.pageInfo.hasPreviousPage]).toEqual(expected);
      after = result?.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(ranked.slice(0, 6));
  });

  it('serves the page, the count and each node risk in two statements', async () => {
    let data: unknown;
    const statements = await db.captureSql(async () => {
      const result = await db.execute(
        `{ riskCustomers(first: 3, minLevel: HIGH) {
             totalCount nodes { code risk { level score signals { code level message } } } } }`,
        {},
        { viewer, locale: 'zh-CN' },
      );
      data = result.data;
    });
    const risk = (score: number) => ({
      level: L.HIGH,
      score,
      signals: [
        { code: R.OVERDUE_RECEIVABLE, level: L.HIGH, message: '逾期应收 12,500.00 元，最长逾期 95 天' },
      ],
    });
    expect(data).toEqual({
      riskCustomers: {
        totalCount: 3,
        nodes: ranked.slice(0, 3).map((code) => ({ code, risk: risk(code === 'H120' ? 120 : 100) })),
      },
    });
    expect(statements).toHaveLength(2);
  });

  it.each([
    [
      'a cursor of another list',
      { after: 'WyJBY21lIiwiMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwIl0' },
      'after',
    ],
    ['a page too large', { first: 201 }, 'first'],
    // found by the fuzz test: a score PostgreSQL's int cannot hold reached the comparison
    ['a score beyond int', { after: encodeCursor({ value: 1e308, id: UNKNOWN_ID }) }, 'after'],
    ['a fractional score', { after: encodeCursor({ value: 0.5, id: UNKNOWN_ID }) }, 'after'],
  ])('refuses %s', async (_case, variables, field) => {
    const result = await db.execute(RISK_CUSTOMERS, variables, { viewer });
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', field],
    ]);
  });
});
