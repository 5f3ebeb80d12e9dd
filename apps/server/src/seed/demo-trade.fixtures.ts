import { AbcClass, classifyAbc, parseMoney, RiskCode } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';

type Counts = Record<string, number>;

/**
 * For each risk rule of DOMAIN.md, how many customers meet its condition, worked out here from the raw
 * tables, independently of the risk module: the demo company must give every rule something to report.
 */
export async function demoRiskCases(em: EntityManager, today: string): Promise<Counts> {
  const [dossier] = await em.execute<Counts[]>(
    `with p as (select ?::date as today),
     open as (
       select o.customer_id, c.credit_limit, sum(o.total - o.paid_amount) as open,
              min(o.due_date) filter (where o.due_date < p.today) as oldest_overdue
       from sales_order o join customer c on c.id = o.customer_id, p
       where o.total > o.paid_amount group by o.customer_id, c.credit_limit),
     decision_makers as (
       select kp.id, kp.customer_id,
              bool_or(r.state = 'POSITIVE' and s.active) as covered,
              count(r.id) > 0 and bool_and(r.state = 'NEGATIVE') as only_negative
       from key_person kp
       left join relationship r on r.key_person_id = kp.id
       left join staff s on s.id = r.staff_id
       where kp.active and exists (
         select 1 from decision_role_assignment d where d.key_person_id = kp.id
           and (d.role in ('DECISION_MAKER', 'ECONOMIC_BUYER') or d.influence = 'HIGH'))
       group by kp.id, kp.customer_id)
     select
       (select count(*)::int from open where oldest_overdue < p.today - 90
          or (oldest_overdue is not null and open > credit_limit)) as overdue_high,
       (select count(*)::int from open where oldest_overdue >= p.today - 90
          and (credit_limit is null or open <= credit_limit)) as overdue_medium,
       (select count(*)::int from open where open > credit_limit) as limit_exceeded,
       (select count(*)::int from (
          select distinct on (customer_id) valid_until from credit_report order by customer_id, reported_at desc
        ) latest where valid_until < p.today) as report_expired,
       (select count(distinct customer_id)::int from decision_makers where only_negative) as negative,
       (select count(distinct customer_id)::int from decision_makers where not coalesce(covered, false)) as uncovered,
       (select count(*)::int from customer where reviewed_at is null or reviewed_at < p.today - 60) as stale
     from p`,
    [today],
  );
  const abc = await abcCases(em, today);
  return {
    OVERDUE_RECEIVABLE_HIGH: dossier?.overdue_high ?? 0,
    OVERDUE_RECEIVABLE_MEDIUM: dossier?.overdue_medium ?? 0,
    [RiskCode.CREDIT_LIMIT_EXCEEDED]: dossier?.limit_exceeded ?? 0,
    [RiskCode.CREDIT_REPORT_EXPIRED]: dossier?.report_expired ?? 0,
    CREDIT_REPORT_MISSING_FOR_A: abc.aWithoutReport,
    [RiskCode.REVENUE_DECLINE]: abc.declined,
    [RiskCode.ABC_DOWNGRADE]: abc.downgraded,
    [RiskCode.NEGATIVE_DECISION_MAKER]: dossier?.negative ?? 0,
    [RiskCode.UNCOVERED_DECISION_MAKER]: dossier?.uncovered ?? 0,
    [RiskCode.STALE_DOSSIER]: dossier?.stale ?? 0,
  };
}

const RANK = { [AbcClass.A]: 0, [AbcClass.B]: 1, [AbcClass.C]: 2 };

/** ABC classes of the last 12 months and the 12 before, by the pure rule of @dossier/domain. */
async function abcCases(em: EntityManager, today: string) {
  const rows = await em.execute<
    Array<{ id: string; code: string; now: string; before: string; report: boolean }>
  >(
    `with p as (select ?::date - interval '12 months' as year_ago)
     select c.id, c.code,
            coalesce(sum(l.amount) filter (where l.ordered_at > p.year_ago), 0) as now,
            coalesce(sum(l.amount) filter (where l.ordered_at <= p.year_ago), 0) as before,
            exists (select 1 from credit_report r where r.customer_id = c.id) as report
     from customer c cross join p
     left join order_line l on l.customer_id = c.id and l.ordered_at > p.year_ago - interval '12 months'
     group by c.id, c.code`,
    [today],
  );
  const classes = (period: 'now' | 'before') =>
    new Map(
      classifyAbc(
        rows.map((r) => ({ customerId: r.id, code: r.code, revenueCents: parseMoney(r[period]) })),
      ).grades.map((grade) => [grade.customerId, grade.class]),
    );
  const [now, before] = [classes('now'), classes('before')];
  const count = (test: (row: (typeof rows)[number], was: AbcClass, is: AbcClass) => boolean) =>
    rows.filter((row) => test(row, before.get(row.id) ?? AbcClass.C, now.get(row.id) ?? AbcClass.C)).length;
  return {
    aWithoutReport: count((row, _was, is) => is === AbcClass.A && !row.report),
    declined: count(
      (row) => parseMoney(row.before) > 0n && parseMoney(row.now) * 10n <= parseMoney(row.before) * 7n,
    ),
    downgraded: count((row, was, is) => parseMoney(row.before) > 0n && RANK[is] > RANK[was]),
  };
}
