import { createHash } from 'node:crypto';
import { BRANDS, LEGAL_FORMS, REGIONS, TRADES } from '../src/seed/demo-places.js';
import { DEMO_PRODUCTS } from '../src/seed/demo-products.js';
import { at, below, literal, pick, unit, uuidOf, weighted } from './random.js';

// The bench data as INSERT … SELECT statements over generate_series, one per table and row range, so that
// two sessions can fill a table side by side. Everything is a function of the row number (and `today`).

export interface BenchSize {
  customers: number;
  orders: number;
  /** Order lines in all, spread evenly over the orders. */
  lines: number;
  /** The last day of the two years of orders (UTC), as yyyy-mm-dd. */
  today: string;
}

const REPS_PER_REGION = 14;
const CITIES = REGIONS.flatMap((region, r) => region.cities.map((city) => ({ name: city.name, region: r })));
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明'];

export const person = (i: string) =>
  `${pick(40, i, SURNAMES)} || ${pick(41, i, GIVEN)} || ${pick(42, i, GIVEN)}`;

/** Of customer `i`: its city (an index into CITIES) and, from it, region and owning rep. */
const cityOf = (i: string) => below(50, i, CITIES.length);
const cityName = (i: string) =>
  at(
    CITIES.map((c) => c.name),
    cityOf(i),
  );
const regionOf = (i: string) =>
  at(
    CITIES.map((c) => c.region),
    cityOf(i),
  );
const regionName = (i: string) =>
  at(
    REGIONS.map((r) => r.name),
    regionOf(i),
  );
export const ownerOf = (i: string) =>
  uuidOf('s', `8 + ${regionOf(i)} * ${REPS_PER_REGION} + ${below(51, i, REPS_PER_REGION)}`);
/** The manager of the region of customer `i` (staff 1…, as staffSql numbers them). */
export const managerOf = (i: string) => uuidOf('s', `1 + ${regionOf(i)}`);
const tradeOf = (i: string) => below(55, i, TRADES.length);
const creditLimit = (i: string) =>
  `case when ${unit(52, i)} < 0.6 then ((10 + ${below(53, i, 200)}) * 10000)::numeric(14, 2) end`;

/** An admin (the bench's viewer), a manager per region and its reps. */
export function staffSql(): string {
  const reps = REGIONS.length * REPS_PER_REGION;
  return `insert into staff (id, name, title, department, email, role, manager_id)
    select ${uuidOf('s', 'k')}, ${person('k')},
           case when k = 0 then '系统管理员' when k <= ${REGIONS.length} then '区域经理' else '销售代表' end,
           '销售部',
           case when k = 0 then 'admin@bench.dossier' else 'staff' || k || '@bench.dossier' end,
           case when k = 0 then 'ADMIN' when k <= ${REGIONS.length} then 'SALES_MANAGER' else 'SALES_REP' end,
           case when k > ${REGIONS.length} then ${uuidOf('s', `1 + (k - 8) / ${REPS_PER_REGION}`)} end
    from generate_series(0, ${7 + reps}) k`;
}

/** The demo company's catalogue, with ids fixed in advance so that order lines can name them as constants. */
const PRODUCT_IDS = DEMO_PRODUCTS.map((_, k) => createHash('md5').update(`bench product ${k}`).digest('hex'));

export function productSql(): string {
  const rows = DEMO_PRODUCTS.map(
    (p, k) => `('${PRODUCT_IDS[k]}', ${literal(p.sku)}, ${literal(p.name)}, ${literal(p.category)})`,
  );
  return `insert into product (id, sku, name, category) values ${rows.join(',\n')}`;
}

const BRAND_NAMES = BRANDS.map(([brand]) => brand);
const TRADE_NAMES = TRADES.map(([trade]) => trade);
const INDUSTRIES = TRADES.map(([, industry]) => industry);
const customerName = (i: string) =>
  [cityName(i), pick(54, i, BRAND_NAMES), at(TRADE_NAMES, tradeOf(i)), pick(56, i, LEGAL_FORMS)].join(' || ');
const NATURES = [
  ['COMPANY', 60],
  ['GOVERNMENT', 8],
  ['SPECIAL', 7],
  ['PARTNER', 10],
  ['INDIVIDUAL', 15],
] as const;
const TIERS = [
  ['IMPORTANT', 10],
  ['SPECIAL', 15],
  ['GENERAL', 75],
] as const;
const LIFECYCLES = [
  ['ACTIVE', 70],
  ['DORMANT', 20],
  ['PROSPECT', 10],
] as const;

export function customerSql(size: BenchSize, from: number, to: number): string {
  const i = 'i';
  const today = `'${size.today}'::date`;
  return `insert into customer (id, code, name, nature, tier, lifecycle, industry, region, city, owner_id,
                                credit_limit, reviewed_at, created_at, updated_at)
    select ${uuidOf('c', i)}, 'B' || lpad(i::text, 7, '0'), ${customerName(i)},
           ${weighted(57, i, NATURES)}, ${weighted(58, i, TIERS)}, ${weighted(59, i, LIFECYCLES)},
           ${at(INDUSTRIES, tradeOf(i))}, ${regionName(i)}, ${cityName(i)}, ${ownerOf(i)}, ${creditLimit(i)},
           r.reviewed_at, ${today} - (30 + ${below(61, i, 2000)}) * interval '1 day', r.reviewed_at
    from generate_series(${from}, ${to}) i,
         lateral (select ${today} - ${below(60, i, 150)} * interval '1 day' as reviewed_at) r`;
}

/** Seven in ten customers have a credit report (资信调查报告), valid 6 or 12 months. */
export function creditReportSql(from: number, to: number, today: string): string {
  const i = 'i';
  return `insert into credit_report (id, customer_id, reported_at, valid_until, rating, recommended_limit)
    select ${uuidOf('r', i)}, ${uuidOf('c', i)}, reported_at,
           reported_at + ${pick(62, i, [6, 12])} * interval '1 month',
           ${pick(63, i, ['AAA', 'AA', 'A', 'A', 'BBB', 'BBB', 'BB', 'B', 'CCC'])}, ${creditLimit(i)}
    from generate_series(${from}, ${to}) i,
         lateral (select '${today}'::date - ${below(64, i, 400)} as reported_at) r
    where ${unit(65, i)} < 0.7`;
}

/**
 * Orders j in [from, to] with their customer and date. The customer's rank by size is N·u³ (u uniform),
 * so the biggest customers get the most orders, and their lines are bigger too (scale (rank/N)^−0.25):
 * about a fifth of the customers make four fifths of the revenue. Ranks are scattered over the customer
 * numbers by a multiplicative permutation. A tenth of the customers move most of their last 12 months'
 * orders a year back (declining), 3% all of them (lost).
 */
function orders(size: BenchSize, from: number, to: number): string {
  const n = size.customers;
  return `select j, idx, scale, ${uuidOf('o', 'j')} as order_id, ${uuidOf('c', 'idx')} as customer_id,
           '${size.today}'::date - days as ordered_at, ${pick(5, 'j', [30, 45, 60, 90])} as terms
    from (
      select j, idx, scale,
             case when days < 365 and (${unit(3, 'idx')} between 0.10 and 0.13
                                      or (${unit(3, 'idx')} < 0.10 and ${unit(4, 'j')} < 0.6))
                  then days + 365 else days end as days
      from (
        select j, (r - 1) * 2147483647 % ${n} + 1 as idx, power(r::float8 / ${n}, -0.25) as scale,
               ${below(2, 'j', 365 * 2)} as days
        from (select j, 1 + floor(${n} * power(${unit(1, 'j')}, 3))::int8 as r
              from generate_series(${from}::int8, ${to}) j) ranked
      ) placed
    ) o offset 0`;
}

/**
 * The lines of order `o.j`, numbered g = 1, 2…: their count spreads size.lines evenly over the orders; a few
 * lines after the first are returns.
 */
function lines(size: BenchSize): string {
  const line = '(o.j * 32 + g)';
  const count = `(o.j + 1) * ${size.lines} / ${size.orders} - o.j * ${size.lines} / ${size.orders}`;
  const prices = DEMO_PRODUCTS.map((p) => p.listPrice).join(',');
  return `select g, p, unit_price, discount,
           case when g > 1 and ${unit(12, line)} < 0.03 then -greatest(1, q / 3) else q end as quantity
    from (
      select g, p, round(list_price * (0.92 + 0.13 * ${unit(9, line)})::numeric, 2)::numeric(14, 2) as unit_price,
             ${pick(11, line, [0, 0, 0, 0.03, 0.05, 0.1])}::numeric(5, 4) as discount,
             greatest(1, least(5000, round(150000 * o.scale * (0.3 + 1.4 * ${unit(10, line)}) / list_price)))::int as q
      from (select g, p, (array[${prices}])[p + 1] as list_price
            from generate_series(1, ${count}) g,
                 lateral (select floor(${DEMO_PRODUCTS.length} * power(${unit(8, line)}, 1.5))::int as p) product) a
    ) b`;
}

export function lineSql(size: BenchSize, from: number, to: number): string {
  // Line ids from (order, line number) rather than the identity: the same on every run whatever the sessions'
  // interleaving, and no sequence shared by the sessions.
  return `insert into order_line (id, order_id, customer_id, ordered_at, product_id, quantity, unit_price, discount)
    overriding system value
    select o.j * 32 + l.g, o.order_id, o.customer_id, o.ordered_at,
           (array[${PRODUCT_IDS.map((id) => `'${id}'`).join(',')}]::uuid[])[l.p + 1], l.quantity, l.unit_price, l.discount
    from (${orders(size, from, to)}) o, lateral (${lines(size)}) l`;
}

/**
 * The orders, each total the sum of its lines' amounts (computed as the generated column computes them,
 * from the same values), paid by habit: most customers pay on time, a tenth late, one in twenty not at all.
 * What was paid is one payment (on the due date, or today when that is later), written with the order's
 * paid amount by the same statement while the load has the settlement triggers off (load-schema.ts).
 */
export function orderSql(size: BenchSize, from: number, to: number): string {
  const due = `(o.ordered_at + o.terms)`;
  const today = `'${size.today}'::date`;
  return `with o as materialized (
      select o.*, t.total,
             case when t.total <= 0 then 0
                  when ${due} >= ${today} then case when ${unit(7, 'o.j')} < 0.7 then 0 else t.total end
                  when ${unit(6, 'o.idx')} >= 0.95 and ${today} - ${due} <= 365 and ${unit(7, 'o.j')} < 0.6 then 0
                  when ${unit(6, 'o.idx')} >= 0.85 and ${today} - ${due} <= 90 and ${unit(7, 'o.j')} < 0.5
                    then round(t.total * 0.4, 2)
                  else t.total end as paid
      from (${orders(size, from, to)}) o,
           lateral (select sum(round(l.quantity * l.unit_price * (1 - l.discount), 2)) as total
                    from (${lines(size)}) l) t),
    placed as (
      insert into sales_order (id, number, customer_id, ordered_at, due_date, region, rep_id, total, paid_amount,
                               created_at, updated_at)
      select o.order_id, 'SO' || lpad(o.j::text, 10, '0'), o.customer_id, o.ordered_at, ${due},
             ${regionName('o.idx')}, ${ownerOf('o.idx')}, o.total, o.paid, o.ordered_at, o.ordered_at
      from o)
    insert into payment (id, order_id, paid_on, amount, created_at, updated_at)
    select md5('payment:' || o.order_id::text)::uuid, o.order_id, least(${due}, ${today}), o.paid,
           o.ordered_at, o.ordered_at
    from o where o.paid > 0`;
}
