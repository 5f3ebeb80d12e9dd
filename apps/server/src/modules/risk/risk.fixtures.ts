import { randomUUID } from 'node:crypto';
import {
  AbcClass,
  addDays,
  DecisionRole,
  formatCents,
  InfluenceLevel,
  RelationshipState,
  type RiskFacts,
} from '@dossier/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import { expect } from 'vitest';
import { builders } from '../../../test/builders.js';
import type { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';

/** The day the tests evaluate on, and the default period of the ABC snapshot they set up (365 days). */
export const TODAY = '2026-11-22';
/** Noon of TODAY in Beijing: the clock of the risk tests. */
export const ON_TODAY = fixedClock('2026-11-22T04:00:00Z');
export const PERIOD_FROM = '2025-11-23';

/** `date` moved by whole days, on the business calendar. */
export const shiftDays = addDays;

/** Facts no rule fires on: C before and now, no trade, reviewed today. */
export const calm: RiskFacts = {
  today: TODAY,
  overdueCents: 0n,
  oldestDaysPastDue: 0,
  openCents: 0n,
  creditLimitCents: null,
  creditReportValidUntil: null,
  abcClass: AbcClass.C,
  previousAbcClass: AbcClass.C,
  revenueCents: 0n,
  previousRevenueCents: null,
  decisionMakers: [],
  reviewedOn: TODAY,
  openedOn: '2020-01-01',
  openComplaintsReceivedOn: [],
};

export interface RiskAnswer {
  level: string;
  score: number;
  signals: Array<{ code: string; level: string; message: string }>;
}

/** `customer(id) { risk { … } }` through the API, as `viewer`, in `locale`. */
export async function riskThroughApi(
  db: Awaited<ReturnType<typeof testDatabase>>,
  viewer: Staff,
  customer: Pick<Customer, 'id'>,
  locale: 'zh-CN' | 'en' = 'en',
): Promise<RiskAnswer | undefined> {
  const result = await db.execute<{ customer: { risk: RiskAnswer } | null }>(
    'query ($id: ID!) { customer(id: $id) { risk { level score signals { code level message } } } }',
    { id: toGlobalId('Customer', customer.id) },
    { viewer, locale },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.customer?.risk;
}

export interface OrderRow {
  total: string;
  paid?: string;
  orderedAt: string;
  dueDate?: string | null;
}

/** Risk test data: the dossier through the builders, trade and snapshot rows straight in SQL. */
export function riskFixtures(orm: MikroORM) {
  const build = builders(orm);
  const sql = (query: string, params: unknown[] = []) => orm.em.fork().execute(query, params);

  const fixtures = {
    build,
    sql,

    /** The ABC snapshot's default period: PERIOD_FROM to TODAY, the previous one the 365 days before. */
    snapshotPeriod: () =>
      sql(
        `insert into analytics_snapshot (period_from, period_to, a_share, b_share, total_revenue, as_of)
         values (?, ?, 0.8, 0.15, 0, now())`,
        [PERIOD_FROM, TODAY],
      ),

    /** An order of one line worth `total` (its revenue), paid `paid` in one payment on the order date. */
    order: (customer: Customer, o: OrderRow) =>
      sql(
        `with product as (
           insert into product (id, sku, name) values (gen_random_uuid(), 'RISK-FIXTURE', '风险测试商品')
           on conflict (sku) do update set name = excluded.name returning id),
         o as (
           insert into sales_order (id, number, customer_id, ordered_at, due_date, total)
           values (gen_random_uuid(), ?, ?, ?, ?, ?) returning id, customer_id, ordered_at, total),
         line as (
           insert into order_line (order_id, customer_id, ordered_at, product_id, quantity, unit_price)
           select o.id, o.customer_id, o.ordered_at, product.id, 1, o.total from o, product)
         insert into payment (id, order_id, paid_on, amount)
         select gen_random_uuid(), o.id, o.ordered_at, ?::numeric from o where ?::numeric > 0`,
        [`R-${randomUUID()}`, customer.id, o.orderedAt, o.dueDate ?? null, o.total, o.paid ?? 0, o.paid ?? 0],
      ),

    creditReport: (customer: Customer, reportedAt: string, validUntil: string) =>
      sql(
        `insert into credit_report (id, customer_id, reported_at, valid_until, rating)
         values (gen_random_uuid(), ?, ?, ?, 'A')`,
        [customer.id, reportedAt, validUntil],
      ),

    /** An open complaint received at 09:00 Beijing time on `day`. */
    complaint: (customer: Customer, day: string) =>
      sql(
        `insert into feedback (id, customer_id, kind, channel, category, severity, received_at, description, status)
         values (gen_random_uuid(), ?, 'COMPLAINT', 'PHONE', 'DELIVERY', 'MEDIUM', ?, '交货延误', 'OPEN')`,
        [customer.id, `${day}T01:00:00Z`],
      ),

    grade: (customer: Customer, cls: string, previous: string | null, revenue: string) =>
      sql('update abc_grade set class = ?, previous_class = ?, revenue = ? where customer_id = ?', [
        cls,
        previous,
        revenue,
        customer.id,
      ]),

    /** An active key person who is a decision maker, linked to `staff` in state `best` (NONE: no link). */
    decisionMaker: async (customer: Customer, name: string, best: RelationshipState, staff: Staff) => {
      const person = await build.keyPerson(customer, { name });
      await build.role(person, DecisionRole.DECISION_MAKER, InfluenceLevel.MEDIUM);
      if (best !== RelationshipState.NONE) await build.relationship(person, staff, best);
      return person;
    },

    /** A customer whose rows amount to exactly these facts (today must be TODAY). */
    customerWith: async (facts: RiskFacts, staff: Staff) => {
      const customer = await build.customer({
        creditLimit: facts.creditLimitCents === null ? null : formatCents(facts.creditLimitCents),
        createdAt: new Date(`${facts.openedOn}T08:00:00Z`),
        reviewedAt: facts.reviewedOn ? new Date(`${facts.reviewedOn}T08:00:00Z`) : null,
      });
      if (facts.overdueCents > 0n) {
        const dueDate = shiftDays(TODAY, -facts.oldestDaysPastDue);
        await fixtures.order(customer, {
          total: formatCents(facts.overdueCents),
          orderedAt: dueDate,
          dueDate,
        });
      }
      const notYetDue = facts.openCents - facts.overdueCents;
      if (notYetDue > 0n) {
        await fixtures.order(customer, { total: formatCents(notYetDue), orderedAt: TODAY, dueDate: TODAY });
      }
      if (facts.creditReportValidUntil) {
        const validUntil = facts.creditReportValidUntil;
        await fixtures.creditReport(customer, shiftDays(validUntil, -90), validUntil);
      }
      await fixtures.grade(customer, facts.abcClass, facts.previousAbcClass, formatCents(facts.revenueCents));
      if (facts.previousRevenueCents) {
        const total = formatCents(facts.previousRevenueCents);
        await fixtures.order(customer, { total, paid: total, orderedAt: shiftDays(PERIOD_FROM, -10) });
      }
      for (const day of facts.openComplaintsReceivedOn) await fixtures.complaint(customer, day);
      for (const { name, best } of facts.decisionMakers) {
        await fixtures.decisionMaker(customer, name, best, staff);
      }
      return customer;
    },
  };
  return fixtures;
}
