import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { encodeCursor } from '../../core/pagination/cursor.js';
import type { Staff } from '../staff/staff.entity.js';

const db = await testDatabase();
const build = builders(db.orm);
let viewer: Staff;

/** Nine customers with snapshot grades and risk set by hand: the list reads the snapshots, not orders. */
const GRADES: Array<[code: string, abc: 'A' | 'B' | 'C', revenue: string, risk: string, score: number]> = [
  ['K1', 'A', '900000.00', 'HIGH', 130],
  ['K2', 'A', '900000.00', 'NONE', 0],
  ['K3', 'A', '750000.50', 'MEDIUM', 30],
  ['K4', 'B', '120000.00', 'LOW', 10],
  ['K5', 'B', '99999.99', 'HIGH', 100],
  ['K6', 'C', '500.00', 'NONE', 0],
  ['K7', 'C', '0.00', 'MEDIUM', 60],
  ['K8', 'A', '600000.00', 'LOW', 10],
  ['K9', 'C', '0.00', 'NONE', 0],
];

beforeAll(async () => {
  viewer = await build.staff({}, StaffRole.ADMIN);
  for (const [code, abc, revenue, risk, score] of GRADES) {
    const customer = await build.customer({ code, name: `客户 ${code}` });
    await db.orm.em
      .fork()
      .execute('update abc_grade set class = ?, revenue = ? where customer_id = ?', [
        abc,
        revenue,
        customer.id,
      ]);
    await db.orm.em
      .fork()
      .execute('update risk_assessment set level = ?, score = ? where customer_id = ?', [
        risk,
        score,
        customer.id,
      ]);
  }
});

type Page = {
  customers: {
    totalCount: number;
    nodes: Array<{ code: string }>;
    pageInfo: { endCursor: string; hasNextPage: boolean };
  };
};
const LIST = `query ($filter: CustomerFilter, $order: CustomerOrder, $after: String, $first: Int) {
  customers(filter: $filter, orderBy: $order, first: $first, after: $after) {
    totalCount nodes { code } pageInfo { endCursor hasNextPage }
  }
}`;

/** Every code of the list, walking it two at a time. */
async function walk(variables: Record<string, unknown>): Promise<string[]> {
  const codes: string[] = [];
  let after: string | null = null;
  for (;;) {
    const result: { data?: Page | null } = await db.execute<Page>(
      LIST,
      { ...variables, first: 2, after },
      { viewer },
    );
    const page = result.data?.customers;
    codes.push(...(page?.nodes.map((n) => n.code) ?? []));
    if (!page?.pageInfo.hasNextPage) return codes;
    after = page.pageInfo.endCursor;
  }
}

describe('customers filtered and sorted on the analytics snapshots', () => {
  it('lists A customers by revenue, largest first, ties by id, across pages', async () => {
    const codes = await walk({ filter: { abcClass: ['A'] }, order: { field: 'REVENUE', direction: 'DESC' } });
    expect(codes.slice(2)).toEqual(['K3', 'K8']);
    expect(codes.slice(0, 2).sort()).toEqual(['K1', 'K2']);
  });

  it('sorts everyone by revenue ascending, exact decimals included', async () => {
    const codes = await walk({ order: { field: 'REVENUE', direction: 'ASC' }, filter: { search: 'K' } });
    expect(codes.slice(2, 7)).toEqual(['K6', 'K5', 'K4', 'K8', 'K3']);
    expect(codes.slice(7).sort()).toEqual(['K1', 'K2']);
    expect(codes.slice(0, 2).sort()).toEqual(['K7', 'K9']);
  });

  it('filters by risk level and sorts by risk score', async () => {
    const codes = await walk({
      filter: { riskLevel: ['HIGH', 'MEDIUM'] },
      order: { field: 'RISK_SCORE', direction: 'DESC' },
    });
    expect(codes).toEqual(['K1', 'K5', 'K7', 'K3']);
  });

  it('combines snapshot filters with the others and counts the whole filtered list', async () => {
    const result = await db.execute<Page>(
      LIST,
      { filter: { abcClass: ['A', 'B'], riskLevel: ['LOW'] }, first: 10 },
      { viewer },
    );
    expect(result.data?.customers.totalCount).toBe(2);
    expect(result.data?.customers.nodes.map((n) => n.code)).toEqual(['K4', 'K8']);
  });

  it('gives a customer created after the last refresh class C and no risk until the next', async () => {
    await build.customer({ code: 'NEW1', name: '新客户' });
    const result = await db.execute<Page>(
      LIST,
      { filter: { abcClass: ['C'], riskLevel: ['NONE'], search: 'NEW1' }, first: 5 },
      { viewer },
    );
    expect(result.data?.customers.nodes).toEqual([{ code: 'NEW1' }]);
  });
});

// Found by the fuzz test: a well-formed cursor whose value does not fit the sort column reached PostgreSQL
// ("operator does not exist: character varying > integer", "invalid input syntax for type numeric").
describe('customers refuse a forged cursor before any SQL runs', () => {
  const forged = (value: string | number) =>
    encodeCursor({ value, id: '00000000-0000-4000-8000-000000000000' });

  it.each([
    ['a number where a name goes', 'NAME', forged(20)],
    ['a number where a code goes', 'CODE', forged(-1)],
    ['a name where revenue goes', 'REVENUE', forged('Z')],
    ['a name where a risk score goes', 'RISK_SCORE', forged('客户')],
    ['a score beyond int', 'RISK_SCORE', forged(1e308)],
    ['a date where a time goes', 'UPDATED_AT', forged('2026-11-01')],
    ['a name holding U+0000', 'NAME', forged('a\u0000')],
  ])('%s (%s)', async (_case, field, after) => {
    const sql = await db.captureSql(async () => {
      const result = await db.execute(LIST, { order: { field, direction: 'DESC' }, after }, { viewer });
      expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', 'after'],
      ]);
    });
    expect(sql).toEqual([]);
  });
});

describe('customers sorted by their last change', () => {
  // A time cursor once carried the time as PostgreSQL printed it, which the next page refused as forged.
  it('walks every page, newest change first, as SQL orders them', async () => {
    const rows = await db.orm.em
      .fork()
      .execute<Array<{ code: string }>>('select code from customer order by updated_at desc, id desc');
    expect(rows.length).toBeGreaterThan(4);
    expect(await walk({ order: { field: 'UPDATED_AT', direction: 'DESC' } })).toEqual(
      rows.map((r) => r.code),
    );
  });
});
