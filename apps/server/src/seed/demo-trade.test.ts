import { parseMoney, RiskCode } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/harness.js';
import { fixedClock } from '../core/clock/clock.js';
import { seedDemoCompany } from './demo-company.js';
import { demoRiskCases } from './demo-trade.fixtures.js';

// 07:59 on 1 June in Beijing, still 31 May in UTC: the demo's today is the business day.
const db = await testDatabase({ clock: fixedClock('2027-05-31T23:59:00Z') });
const today = '2027-06-01';
const sql = <T>(query: string, params: unknown[] = []) => db.orm.em.fork().execute<T[]>(query, params);
const one = async <T>(query: string, params: unknown[] = []) => (await sql<T>(query, params))[0] as T;

beforeAll(async () => {
  await seedDemoCompany(db.orm.em.fork(), db.clock);
});

describe("the demo company's trade record", () => {
  it('sells 60 products in 8 categories to every customer past the prospect stage, over 24 months', async () => {
    const spread = await one<Record<string, number | string>>(
      `select (select count(*)::int from product) as products,
              (select count(distinct category)::int from product) as categories,
              (select count(*)::int from customer c where lifecycle <> 'PROSPECT'
                 and not exists (select 1 from sales_order o where o.customer_id = c.id)) as buyers_without_orders,
              (select count(*)::int from customer c where lifecycle = 'PROSPECT'
                 and exists (select 1 from sales_order o where o.customer_id = c.id)) as prospects_with_orders,
              (select count(distinct date_trunc('month', ordered_at))::int from sales_order) as months,
              (select min(ordered_at)::text from sales_order) >= (?::date - 730)::text as within_two_years,
              (select max(ordered_at)::text from sales_order) = ?::text as up_to_today`,
      [today, today],
    );
    expect(spread).toEqual({
      products: 60,
      categories: 8,
      buyers_without_orders: 0,
      prospects_with_orders: 0,
      months: 25,
      within_two_years: true,
      up_to_today: true,
    });
  });

  it("keeps each order's total equal to the sum of its lines, returns netted, due 30 to 90 days later", async () => {
    const orders = await one<Record<string, number>>(
      `select count(*)::int as orders,
              count(*) filter (where o.total <> l.sum)::int as inconsistent,
              count(*) filter (where o.total <= 0)::int as not_positive,
              count(*) filter (where l.returns > 0)::int as with_returns,
              min(o.due_date - o.ordered_at)::int as shortest_terms,
              max(o.due_date - o.ordered_at)::int as longest_terms
       from sales_order o
       join (select order_id, sum(amount) as sum, count(*) filter (where quantity < 0) as returns
             from order_line group by order_id) l on l.order_id = o.id`,
    );
    const { n: all } = await one<{ n: number }>('select count(*)::int as n from sales_order');
    expect(orders).toMatchObject({ orders: all, inconsistent: 0, not_positive: 0 });
    expect(orders).toMatchObject({ shortest_terms: 30, longest_terms: 90 });
    expect(orders.orders).toBeGreaterThan(1500);
    expect(orders.with_returns).toBeGreaterThan(20);
  });

  it('has a Pareto skew: the top fifth of the buying customers make at least 60% of the revenue', async () => {
    const revenues = await sql<{ revenue: string }>(
      `select sum(amount)::text as revenue from order_line where ordered_at > ?::date - interval '12 months'
       group by customer_id order by sum(amount) desc`,
      [today],
    );
    const cents = revenues.map((row) => parseMoney(row.revenue));
    const total = cents.reduce((sum, c) => sum + c, 0n);
    const top = cents.slice(0, Math.ceil(cents.length / 5)).reduce((sum, c) => sum + c, 0n);
    expect(cents.length).toBeGreaterThan(150);
    expect(Number((top * 1000n) / total) / 1000).toBeGreaterThanOrEqual(0.6);
  });

  it('has a payment record: most orders paid, some partly, some not at all past their due date', async () => {
    const payments = await one<Record<string, number>>(
      `select count(*) filter (where paid_amount > total)::int as overpaid,
              (count(*) filter (where paid_amount = total))::float / count(*) as paid_share,
              count(*) filter (where paid_amount > 0 and paid_amount < total)::int as partly_paid,
              count(*) filter (where paid_amount = 0 and due_date < ?)::int as unpaid_overdue
       from sales_order`,
      [today],
    );
    expect(payments.overpaid).toBe(0);
    expect(payments.paid_share).toBeGreaterThan(0.8);
    expect(payments.partly_paid).toBeGreaterThan(5);
    expect(payments.unpaid_overdue).toBeGreaterThan(5);
  });

  it('keeps that record as payments, each dated between its order and today', async () => {
    const record = await one<Record<string, number>>(
      `select count(*)::int as payments,
              count(*) filter (where p.paid_on < o.ordered_at or p.paid_on > ?::date)::int as misdated,
              (select count(*)::int from sales_order where paid_amount > 0) as paid_orders
       from payment p join sales_order o on o.id = p.order_id`,
      [today],
    );
    expect(record.misdated).toBe(0);
    expect(record.payments).toBe(record.paid_orders);
  });

  it('gives every risk rule of DOMAIN.md at least one customer to fire on', async () => {
    const cases = await demoRiskCases(db.orm.em.fork(), today);
    expect(
      Object.fromEntries(Object.entries(cases).map(([code, customers]) => [code, customers > 0])),
    ).toEqual({
      OVERDUE_RECEIVABLE_HIGH: true,
      OVERDUE_RECEIVABLE_MEDIUM: true,
      [RiskCode.CREDIT_LIMIT_EXCEEDED]: true,
      [RiskCode.CREDIT_REPORT_EXPIRED]: true,
      CREDIT_REPORT_MISSING_FOR_A: true,
      [RiskCode.REVENUE_DECLINE]: true,
      [RiskCode.ABC_DOWNGRADE]: true,
      [RiskCode.NEGATIVE_DECISION_MAKER]: true,
      [RiskCode.UNCOVERED_DECISION_MAKER]: true,
      [RiskCode.STALE_DOSSIER]: true,
    });
  });
});

describe("the demo company's risk assessments", () => {
  it('have every risk code of DOMAIN.md, overdue receivables at both levels', async () => {
    const signals = await sql<{ code: string; level: string }>(
      `select distinct s->>'code' as code, s->>'level' as level
       from risk_assessment, jsonb_array_elements(signals) s order by 1, 2`,
    );
    const codes = new Set(signals.map((s) => s.code));
    expect([...codes].sort()).toEqual(Object.values(RiskCode).sort());
    expect(signals.filter((s) => s.code === RiskCode.OVERDUE_RECEIVABLE).map((s) => s.level)).toEqual([
      'HIGH',
      'MEDIUM',
    ]);
  });
});
