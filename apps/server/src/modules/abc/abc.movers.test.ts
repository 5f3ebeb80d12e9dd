import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Staff } from '../staff/staff.entity.js';
import { abcFixtures, type TradingCustomer } from './abc.fixtures.js';

const db = await testDatabase();
const fixtures = abcFixtures(db.orm);
let viewer: Staff;

// 2025-07-01..2026-06-30; the previous period is 2024-07-01..2025-06-30 (mid-period days below).
const PERIOD = { from: '2025-07-01', to: '2026-06-30' };

// 80 customers whose revenue changes every which way: every 7th has none this period (lost, every 14th
// after a small revenue, in C), every 11th was created this period without revenue before (new), a few
// tie. More risers and fallers than a page.
const CUSTOMERS: TradingCustomer[] = Array.from({ length: 80 }, (_, k) => {
  const i = k + 1;
  const isNew = i % 11 === 0;
  const lost = i % 7 === 0;
  const lines: Array<[string, string]> = [];
  if (!isNew) lines.push(['2024-12-01', i % 14 === 0 ? '1.00' : `${((i * 37) % 41) * 10 + 10}.00`]);
  if (!lost) lines.push(['2026-01-15', `${((i * 53) % 43) * 10 + 10}.00`]);
  return {
    code: `M${String(i).padStart(2, '0')}`,
    createdAt: isNew ? '2026-01-01T00:00:00Z' : '2020-01-01T00:00:00Z',
    lines,
  };
});

// Written apart from abc.fresh.sql.ts: every customer ranked by window functions over the order lines,
// classes by DOMAIN.md's rule (80% / 15%), the previous class null for a customer created since without
// lines then.
const MOVERS_SQL = `
with per as (
  select c.id, c.code collate "C" as code, c.created_at,
    coalesce(sum(l.quantity * l.unit_price) filter (where l.ordered_at::date between '2025-07-01' and '2026-06-30'), 0) as cur,
    sum(l.quantity * l.unit_price) filter (where l.ordered_at::date between '2024-07-01' and '2025-06-30') as prev
  from customer c left join order_line l on l.customer_id = c.id group by c.id),
ranked as (
  select p.*, row_number() over (order by cur desc, code) as rank,
    sum(greatest(cur, 0)) over (order by cur desc, code rows unbounded preceding) - greatest(cur, 0) as cur_before,
    sum(greatest(cur, 0)) over () as cur_total,
    sum(greatest(coalesce(prev, 0), 0)) over (order by coalesce(prev, 0) desc, code rows unbounded preceding)
      - greatest(coalesce(prev, 0), 0) as prev_before,
    sum(greatest(coalesce(prev, 0), 0)) over () as prev_total
  from per p),
classed as (
  select r.*,
    case when cur <= 0 then 'C' when cur_before < 0.8 * cur_total then 'A'
      when cur_before < 0.95 * cur_total then 'B' else 'C' end as cls,
    case when prev is null and created_at >= timestamptz '2025-07-01 00:00+08' then null
      when coalesce(prev, 0) <= 0 then 'C' when prev_before < 0.8 * prev_total then 'A'
      when prev_before < 0.95 * prev_total then 'B' else 'C' end as prev_cls
  from ranked r)
select code, cls, prev_cls, prev > 0 and cur <= 0 as lost from classed
where prev_cls is not null and (cls < prev_cls or cls > prev_cls or (prev > 0 and cur <= 0))
order by rank`;

interface Mover {
  code: string;
  cls: string;
  prev_cls: string;
  lost: boolean;
}
let movers: Mover[];

beforeAll(async () => {
  viewer = await builders(db.orm).staff({}, StaffRole.ANALYST);
  await fixtures.load(CUSTOMERS);
  movers = await db.orm.em.fork().execute<Mover[]>(MOVERS_SQL);
});

const LIST = `query ($input: AbcInput, $way: AbcMovementWay, $class: AbcClass, $first: Int, $after: String) {
  abcClassification(input: $input) {
    customers(movement: $way, class: $class, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { customer { code } }
    }
  }
}`;
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string };
  nodes: Array<{ customer: { code: string } }>;
}

/** Every code of one list, walking it three at a time, and the total count each page gave. */
async function walk(way: string, cls: string | null) {
  const codes: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (;;) {
    const result: { data?: { abcClassification: { customers: Page } } | null } = await db.execute(
      LIST,
      { input: PERIOD, way, class: cls, first: 3, after },
      { viewer },
    );
    const page = result.data?.abcClassification.customers as Page;
    totals.add(page.totalCount);
    codes.push(...page.nodes.map((n) => n.customer.code));
    if (!page.pageInfo.hasNextPage) return { codes, totals: [...totals] };
    after = page.pageInfo.endCursor;
  }
}

describe('abcClassification.customers(movement:)', () => {
  it.each([
    ['UP', null, (m: Mover) => m.cls < m.prev_cls],
    ['DOWN', null, (m: Mover) => m.cls > m.prev_cls || m.lost],
    ['UP', 'A', (m: Mover) => m.cls < m.prev_cls && m.cls === 'A'],
    ['DOWN', 'C', (m: Mover) => (m.cls > m.prev_cls || m.lost) && m.cls === 'C'],
  ])('%s in class %s equals the SQL written apart, page by page', async (way, cls, keep) => {
    const expected = movers.filter(keep).map((m) => m.code);
    // each list spans several pages
    expect(expected.length).toBeGreaterThan(3);
    const { codes, totals } = await walk(way, cls);
    expect(codes).toEqual(expected);
    expect(totals).toEqual([expected.length]);
  });

  it('lists among the fallers the lost customers that were C before and are C still', async () => {
    const lostInC = movers.filter((m) => m.lost && m.prev_cls === 'C').map((m) => m.code);
    expect(lostInC.length).toBeGreaterThan(0);
    const { codes } = await walk('DOWN', 'C');
    expect(codes).toEqual(expect.arrayContaining(lostInC));
  });

  it('reads both lists and their customers in statements that do not grow with the page', async () => {
    const query = `query ($input: AbcInput, $first: Int) { abcClassification(input: $input) {
      up: customers(movement: UP, first: $first) { totalCount nodes { customer { code owner { name } } grade { rank } } }
      down: customers(movement: DOWN, first: $first) { totalCount nodes { customer { code owner { name } } grade { rank } } }
    } }`;
    const run = (first: number) =>
      db.captureSql(async () => {
        const result = await db.execute(query, { input: PERIOD, first }, { viewer });
        expect(result.errors).toBeUndefined();
      });
    const [small, large] = [await run(2), await run(12)];
    expect(large).toHaveLength(small.length);
    // both lists come from one classification statement
    expect(large.filter((s) => s.includes('customer_day_revenue'))).toHaveLength(1);
  });
});
