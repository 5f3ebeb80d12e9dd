import {
  AbcClass,
  addDays,
  FeedbackCategory,
  formatCents,
  monthBounds,
  previousMonth,
  type RiskLevel,
  type RiskSignal,
  reportAbcPeriod,
} from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock/clock.js';
import { AbcComputation } from '../abc/abc.computation.js';
import { abcRequest } from '../abc/abc.period.js';
import { raw, type Sql, sql, visibleTo } from '../abc/abc.sql.js';
import { coverageSummary } from '../account-coverage/account-coverage.query.js';
import { CoverageGroup } from '../account-coverage/account-coverage.types.js';
import type { Staff } from '../staff/staff.entity.js';
import type {
  CustomerFigure,
  FeedbackFigures,
  ReportFigures,
  SatisfactionFigures,
} from './monthly-report.figures.js';
import { weeklyCheckFigures } from './monthly-report.weekly-check.js';

/** How many customers the ranked sections list. */
export const TOP_CUSTOMERS = 20;
export const RISK_CUSTOMERS = 30;
/** A credit report expiring within this many days after the month's end is listed. */
export const CREDIT_EXPIRY_DAYS = 30;

/**
 * The figures of `month` for the customers `reader` sees: the company (a reader of every customer) or a
 * sales manager's team (the manager: their book, scope.ts, applied in SQL to every section).
 *
 * Reproducible for its month: ABC, top customers and movements rank the orders dated in the 12 months up to
 * the month's last day (the same computation as `abcClassification` for that period); new and lost
 * customers, feedback, surveys and credit reports are read by their dates in the month. Risk signals and
 * coverage exist only as today's state (risk_assessment, the relationship map): they are read at the first
 * generation and, with everything else, frozen in the stored figures (`frozenAt` says when), which every
 * later rendering reuses.
 *
 * Weekly-check completion (monthly-report.weekly-check.ts) counts the lists of the weeks whose Monday falls
 * in the month, with the verdicts as they stand at the first generation: frozen like risk and coverage.
 */
export async function collectFigures(
  em: EntityManager,
  month: string,
  reader: Staff,
  team: { id: string; name: string } | null,
  clock: Clock,
): Promise<ReportFigures> {
  const scope = visibleTo(reader, 'c', 'set') ?? raw('true');
  const request = abcRequest(reportAbcPeriod(month), clock);
  const abc = new AbcComputation(em, request, clock.now(), reader);
  // Asked in one tick, the classification's parts are one statement over the order data.
  const [classes, movements, top, totalCents] = await Promise.all([
    abc.classes(),
    abc.movements(),
    abc.page({ cls: null, afterRank: 0, take: TOP_CUSTOMERS }, true),
    abc.totalCents(),
  ]);
  const risks = await riskCustomers(em, scope);
  const coverage = await coverageSummary(em, reader, CoverageGroup.ABC_CLASS);
  const dated = await datedSections(em, month, scope, clock.timeZone);
  const weeklyCheck = await weeklyCheckFigures(em, month, team, clock.timeZone);
  const names = await customerNames(
    em,
    top.map((row) => row.id),
  );
  return {
    month,
    teamManagerId: team?.id ?? null,
    teamManagerName: team?.name ?? null,
    frozenAt: clock.now().toISOString(),
    abc: {
      from: request.from,
      to: request.to,
      totalRevenue: formatCents(totalCents),
      classes: classes.map(({ class: cls, customers, revenue, share }) => ({
        class: cls,
        customers,
        revenue,
        share,
      })),
      movements: movements.map(({ from, to, customers }) => ({ from, to, customers })),
    },
    topCustomers: top.map(({ id, grade }) => ({
      customerId: id,
      code: names.get(id)?.code ?? '',
      name: names.get(id)?.name ?? '',
      on: null,
      rank: grade.rank,
      class: grade.class,
      previousClass: grade.previousClass,
      revenue: grade.revenue,
      share: grade.share,
    })),
    riskCustomers: risks,
    coverage: coverage.map((row) => ({
      class: row.abcClass as AbcClass,
      customers: row.customers,
      score0: row.score0,
      score1: row.score1,
      score2: row.score2,
      score3: row.score3,
      average: row.averageScore,
    })),
    ...dated,
    weeklyCheck,
  };
}

async function rows<T>(em: EntityManager, statement: Sql): Promise<T[]> {
  return em.execute<T[]>(statement.text, [...statement.values]);
}

async function customerNames(em: EntityManager, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { code: string; name: string }>();
  const found = await rows<{ id: string; code: string; name: string }>(
    em,
    sql`select id, code, name from customer where id = any(${`{${ids.join(',')}}`}::uuid[])`,
  );
  return new Map(found.map((row) => [row.id, row]));
}

async function riskCustomers(em: EntityManager, scope: Sql) {
  const found = await rows<{
    id: string;
    code: string;
    name: string;
    level: RiskLevel;
    score: number;
    signals: RiskSignal[];
  }>(
    em,
    sql`select c.id, c.code, c.name, r.level, r.score, r.signals
      from customer c join risk_assessment r on r.customer_id = c.id
      where r.level in ('HIGH', 'MEDIUM') and ${scope}
      order by r.score desc, c.code collate "C" limit ${RISK_CUSTOMERS}`,
  );
  return found.map((row) => ({
    customerId: row.id,
    code: row.code,
    name: row.name,
    on: null,
    level: row.level,
    score: row.score,
    signals: row.signals,
  }));
}

type Dated = Pick<
  ReportFigures,
  'newCustomers' | 'lostCustomers' | 'feedback' | 'satisfaction' | 'creditReports'
>;

/** The sections read by their dates in the month: the same answer whenever they are read. */
async function datedSections(em: EntityManager, month: string, scope: Sql, timeZone: string): Promise<Dated> {
  const { first, last } = monthBounds(month);
  // The month's instants: from its first midnight to the next month's, in the business zone.
  const start = sql`(${first}::timestamp at time zone ${timeZone}::text)`;
  const end = sql`(${addDays(last, 1)}::timestamp at time zone ${timeZone}::text)`;
  // Lost in the month: revenue in the 12 months up to last month's end, none in those up to this month's.
  const lostFrom = reportAbcPeriod(previousMonth(first)).from;
  const lostTo = addDays(reportAbcPeriod(month).from, -1);
  const named = (alias: string) => raw(`${alias}.id as "customerId", ${alias}.code, ${alias}.name`);
  // One after the other: inside the generation's transaction they share its connection.
  const created = await rows<CustomerFigure>(
    em,
    sql`select ${named('c')}, to_char(c.created_at at time zone ${timeZone}::text, 'YYYY-MM-DD') as "on"
        from customer c where c.created_at >= ${start} and c.created_at < ${end} and ${scope}
        order by c.created_at, c.code collate "C"`,
  );
  const lost = await rows<CustomerFigure>(
    em,
    sql`select ${named('c')}, to_char(d.last_day, 'YYYY-MM-DD') as "on"
        from (select customer_id, max(day) as last_day from customer_day_revenue
              where day <= ${last}::date group by customer_id) d
        join customer c on c.id = d.customer_id
        where d.last_day between ${lostFrom}::date and ${lostTo}::date and ${scope}
        order by d.last_day, c.code collate "C"`,
  );
  const feedback = await rows<Omit<FeedbackFigures, 'byCategory'>>(
    em,
    sql`select
          count(*) filter (where f.kind = 'COMPLAINT' and f.received_at >= ${start} and f.received_at < ${end})::int as complaints,
          count(*) filter (where f.kind = 'OPINION' and f.received_at >= ${start} and f.received_at < ${end})::int as opinions,
          count(*) filter (where f.kind = 'COMPLAINT' and f.closed_at >= ${start} and f.closed_at < ${end})::int as "complaintsClosed",
          count(*) filter (where f.kind = 'COMPLAINT' and f.received_at < ${end}
            and (f.closed_at is null or f.closed_at >= ${end}))::int as "complaintsOpenAtEnd"
        from feedback f join customer c on c.id = f.customer_id where ${scope}`,
  );
  const categories = await rows<{ category: FeedbackCategory; complaints: number }>(
    em,
    sql`select f.category, count(*)::int as complaints
        from feedback f join customer c on c.id = f.customer_id
        where f.kind = 'COMPLAINT' and f.received_at >= ${start} and f.received_at < ${end} and ${scope}
        group by f.category`,
  );
  const surveys = await rows<SatisfactionFigures>(
    em,
    sql`select count(*)::int as surveys,
          round(avg(s.product_score), 2)::text as product, round(avg(s.delivery_score), 2)::text as delivery,
          round(avg(s.service_score), 2)::text as service, round(avg(s.price_score), 2)::text as price
        from satisfaction_survey s join customer c on c.id = s.customer_id
        where s.surveyed_on between ${first}::date and ${last}::date and ${scope}`,
  );
  const credit = await rows<CustomerFigure & { validUntil: string; expired: boolean }>(
    em,
    sql`select ${named('c')}, to_char(r.reported_at, 'YYYY-MM-DD') as "on",
          to_char(r.valid_until, 'YYYY-MM-DD') as "validUntil", r.valid_until <= ${last}::date as expired
        from customer c cross join lateral (
          select reported_at, valid_until from credit_report cr
          where cr.customer_id = c.id and cr.reported_at <= ${last}::date
          order by cr.reported_at desc, cr.id desc limit 1) r
        where r.valid_until between ${first}::date and ${addDays(last, CREDIT_EXPIRY_DAYS)}::date and ${scope}
        order by r.valid_until, c.code collate "C"`,
  );
  const counted = new Map(categories.map((row) => [row.category, row.complaints]));
  return {
    newCustomers: created,
    lostCustomers: lost,
    feedback: {
      ...(feedback[0] ?? { complaints: 0, opinions: 0, complaintsClosed: 0, complaintsOpenAtEnd: 0 }),
      byCategory: Object.values(FeedbackCategory).map((category) => ({
        category,
        complaints: counted.get(category) ?? 0,
      })),
    },
    satisfaction: surveys[0] ?? { surveys: 0, product: null, delivery: null, service: null, price: null },
    creditReports: credit,
  };
}
