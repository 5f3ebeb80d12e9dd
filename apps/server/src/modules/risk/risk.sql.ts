import { RISK_WEIGHTS, RiskCode, RiskLevel, type RiskThresholds } from '@dossier/domain';
import type { Clock } from '../../core/clock/clock.js';
import { COVERED_BEST, decisionMakersSql, NEGATIVE_BEST } from '../account-coverage/account-coverage.sql.js';
import { latestReportsSql } from '../credit-report/latest-report.sql.js';

// The rules of packages/domain/src/risk.ts, evaluated for many customers in ONE statement. Each CTE
// gathers one kind of fact for the target customers with a GROUP BY; the signals are then built per
// customer in the order of the RiskCode enum, as assessRisk builds them. Tests hold both to the same cases.

/** Which customers one refresh evaluates. */
export type RiskScope =
  | { kind: 'all' }
  | { kind: 'customers'; ids: readonly string[] }
  /** customers whose key persons know one of these staff members (their `active` changed) */
  | { kind: 'staff'; ids: readonly string[] };

// The ids come from entities, never from a request; as a PostgreSQL array literal they are one parameter.
const idArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

const TARGETS: Record<RiskScope['kind'], string> = {
  all: 'true',
  customers: 'c.id = any(?::uuid[])',
  staff: `c.id in (select kp.customer_id from relationship r join key_person kp on kp.id = r.key_person_id
                   where r.staff_id = any(?::uuid[]))`,
};

interface Rule {
  code: RiskCode;
  when: string;
  /** SQL of the level when it fires */
  level: string;
  /** jsonb_build_object arguments of the params */
  params: string;
}

// In the order of the RiskCode enum. Aliases: t target customer, p params, rc receivables, rp latest credit
// report, g ABC grade, pr previous-period revenue, cv decision-maker coverage, cp complaints open too long.
const RULES: Rule[] = [
  {
    code: RiskCode.OVERDUE_RECEIVABLE,
    when: 'rc.overdue > 0',
    level: `case when rc.overdue_days > p.overdue_high_days or rc.overdue > t.credit_limit then 'HIGH' else 'MEDIUM' end`,
    params: `'amount', rc.overdue::text, 'days', rc.overdue_days`,
  },
  {
    code: RiskCode.CREDIT_LIMIT_EXCEEDED,
    when: 'rc.open > t.credit_limit',
    level: `'HIGH'`,
    params: `'amount', rc.open::text, 'limit', t.credit_limit::text`,
  },
  {
    code: RiskCode.CREDIT_REPORT_EXPIRED,
    when: `rp.valid_until < p.today or (rp.customer_id is null and g.class = 'A')`,
    level: `'MEDIUM'`,
    params: `'validUntil', rp.valid_until`,
  },
  {
    code: RiskCode.REVENUE_DECLINE,
    when: 'pr.revenue > 0 and (pr.revenue - g.revenue) * 100 >= p.decline_percent * pr.revenue',
    level: `case when 'A' in (g.class, g.previous_class) then 'HIGH' else 'MEDIUM' end`,
    params: `'revenue', g.revenue::text, 'previousRevenue', pr.revenue::text,
             'percent', floor((pr.revenue - g.revenue) * 100 / pr.revenue)::int`,
  },
  // Classes are single letters: A < B < C alphabetically means a fall.
  {
    code: RiskCode.ABC_DOWNGRADE,
    when: 'g.previous_class < g.class',
    level: `case g.previous_class when 'A' then 'MEDIUM' else 'LOW' end`,
    params: `'from', g.previous_class, 'to', g.class`,
  },
  {
    code: RiskCode.NEGATIVE_DECISION_MAKER,
    when: 'cv.negative is not null',
    level: `'HIGH'`,
    params: `'names', to_jsonb(cv.negative)`,
  },
  {
    code: RiskCode.UNCOVERED_DECISION_MAKER,
    when: 'cv.uncovered is not null',
    level: `'MEDIUM'`,
    params: `'names', to_jsonb(cv.uncovered)`,
  },
  {
    code: RiskCode.STALE_DOSSIER,
    when: 'p.today - t.reviewed_on > p.review_days',
    level: `case when g.class = 'A' then 'MEDIUM' else 'LOW' end`,
    params: `'days', p.today - t.reviewed_on, 'reviewedOn', t.last_review`,
  },
  {
    code: RiskCode.COMPLAINT_UNRESOLVED,
    when: 'cp.n > 0',
    level: `case when g.class = 'A' then 'HIGH' else 'MEDIUM' end`,
    params: `'count', cp.n, 'days', cp.days`,
  },
];

const weight = (level: string) =>
  `case ${level} ${Object.entries(RISK_WEIGHTS)
    .map(([name, value]) => `when '${name}' then ${value}`)
    .join(' ')} end`;

const SIGNALS = `array_remove(array[${RULES.map(
  (r) =>
    `case when ${r.when} then jsonb_build_object('code', '${r.code}', 'level', ${r.level}, 'params', jsonb_build_object(${r.params})) end`,
).join(',\n')}], null)`;

// The score adds the levels' weights directly: no second pass over the signals just built.
const SCORE = RULES.map((r) => `case when ${r.when} then ${weight(r.level)} else 0 end`).join('\n + ');

const LEVEL = `case ${[RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW]
  .map((level) => `when score >= ${RISK_WEIGHTS[level]} then '${level}'`)
  .join(' ')} else '${RiskLevel.NONE}' end`;

/** The CTEs up to `assessed (id, level, score, signals)`: the new assessment of every target customer. */
function assessedCtes(scope: RiskScope): string {
  // Every customer is a target of a full refresh: filtering each fact by the target would only cost.
  const of = (column: string) => (scope.kind === 'all' ? '' : `and ${column} in (select id from target)`);
  return `
params as (
  select ?::date as today, ?::int as overdue_high_days, ?::int as decline_percent, ?::int as review_days,
         ?::int as complaint_days, ?::text as time_zone, ?::timestamptz as as_of
),
target as (
  select c.id, c.credit_limit, (c.reviewed_at at time zone p.time_zone)::date as last_review,
         (coalesce(c.reviewed_at, c.created_at) at time zone p.time_zone)::date as reviewed_on
  from customer c cross join params p where ${TARGETS[scope.kind]}
),
receivable as (
  select o.customer_id, sum(o.total - o.returned_amount - o.paid_amount) as open,
         sum(o.total - o.returned_amount - o.paid_amount) filter (where o.due_date < p.today) as overdue,
         max(p.today - o.due_date) filter (where o.due_date < p.today) as overdue_days
  from sales_order o cross join params p
  where o.total > o.paid_amount + o.returned_amount ${of('o.customer_id')}
  group by o.customer_id
),
report as (${latestReportsSql(of('r.customer_id'))}),
previous as (
  -- the daily rollup ABC reads for g.revenue: both periods count order lines less returns
  select r.customer_id, (sum(r.cents) / 100.0)::numeric(16, 2) as revenue
  from customer_day_revenue r
  join analytics_snapshot s
    on r.day >= s.period_from - (s.period_to - s.period_from + 1) and r.day < s.period_from
  where true ${of('r.customer_id')}
  group by r.customer_id
),
decision_maker as (${decisionMakersSql(of('kp.customer_id'))}),
coverage as (
  select customer_id,
         array_agg(name order by name collate "C") filter (where best = ${NEGATIVE_BEST}) as negative,
         array_agg(name order by name collate "C") filter (where best < ${COVERED_BEST}) as uncovered
  from decision_maker group by customer_id
),
complaint as (
  -- open complaints received more business days ago than the setting (feedback_open_complaint index)
  select f.customer_id, count(*)::int as n,
         max(p.today - (f.received_at at time zone p.time_zone)::date) as days
  from feedback f cross join params p
  where f.kind = 'COMPLAINT' and f.status = 'OPEN'
    and p.today - (f.received_at at time zone p.time_zone)::date > p.complaint_days ${of('f.customer_id')}
  group by f.customer_id
),
signals as (
  select t.id, ${SIGNALS} as list, ${SCORE} as score
  from target t cross join params p
  left join receivable rc on rc.customer_id = t.id
  left join report rp on rp.customer_id = t.id
  left join abc_grade g on g.customer_id = t.id
  left join previous pr on pr.customer_id = t.id
  left join coverage cv on cv.customer_id = t.id
  left join complaint cp on cp.customer_id = t.id
),
assessed as (select id, ${LEVEL} as level, score, to_jsonb(list) as signals from signals)`;
}

/**
 * Writes the assessments that changed and answers `{ n }`, the rows written. A full refresh skips rows a
 * running transaction holds: that transaction re-evaluates them itself (RiskSubscriber), and waiting on
 * it while holding other rows could deadlock with it. It also records when and with which thresholds it
 * ran, so a start or an hourly check can tell whether the snapshot is stale.
 */
export function refreshStatement(scope: RiskScope): string {
  const full = scope.kind === 'all';
  return `with ${assessedCtes(scope)},
changed as (
  select a.* from risk_assessment ra join assessed a on a.id = ra.customer_id
  where (ra.level, ra.score, ra.signals) is distinct from (a.level, a.score, a.signals)
  ${full ? 'for update of ra skip locked' : ''}
),
written as (
  update risk_assessment ra
  set level = c.level, score = c.score, signals = c.signals, evaluated_at = (select as_of from params)
  from changed c where c.id = ra.customer_id
  returning ra.customer_id
)${
    full
      ? `,
recorded as (
  insert into risk_refresh (id, as_of, thresholds) select 1, as_of, ?::jsonb from params
  on conflict (id) do update set as_of = excluded.as_of, thresholds = excluded.thresholds
)`
      : ''
  }
select count(*)::int as n from written`;
}

/**
 * The parameters of refreshStatement, in the order of its placeholders. Days count on `clock`'s business
 * calendar: today, and the day a dossier was last reviewed, in its time zone.
 */
export function refreshParams(scope: RiskScope, clock: Clock, t: RiskThresholds): unknown[] {
  const head = [
    clock.today(),
    t.overdueHighDays,
    t.revenueDeclinePercent,
    t.reviewIntervalDays,
    t.complaintMaxAgeDays,
    clock.timeZone,
    clock.now(),
  ];
  return scope.kind === 'all' ? [...head, JSON.stringify(t)] : [...head, idArray(scope.ids)];
}
