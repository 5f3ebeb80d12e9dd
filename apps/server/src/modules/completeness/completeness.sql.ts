import {
  COMPLETENESS_RULES,
  CompletenessCode as Code,
  type CompletenessRule,
  CUSTOMER_CHARACTERISTICS,
} from '@dossier/domain';
import type { Knex } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock/clock.js';
import { latestReportsSql } from '../credit-report/latest-report.sql.js';
import { characteristicColumn } from '../customer/customer-characteristics.js';

// The completeness rules of packages/domain/src/completeness.ts in SQL, for the customer list's sort and
// Customer.completeness. completeness.property.test.ts holds the two equal on random dossiers.

const filled = (column: string) => `nullif(btrim(${column}), '') is not null`;

/** A decision maker as coverage.ts defines one: DECISION_MAKER, ECONOMIC_BUYER or HIGH influence, anywhere. */
const DECISION_MAKER = `exists (select 1 from decision_role_assignment d where d.key_person_id = kp.id
  and (d.role in ('DECISION_MAKER', 'ECONOMIC_BUYER') or d.influence = 'HIGH'))`;
/** A relationship with a staff member still here, in a state other than NONE (尚未建立关系). */
const RELATED = `exists (select 1 from relationship r join staff s on s.id = r.staff_id
  where r.key_person_id = kp.id and s.active and r.state <> 'NONE')`;

/**
 * The facts of customer `c` the rules read, as a lateral subquery `f`; `p` holds the parameters (today,
 * review_days, time_zone).
 */
const FACTS = `select
  (${CUSTOMER_CHARACTERISTICS.map((ch) => `(${filled(`c.${characteristicColumn(ch.field)}`)})::int`).join(' + ')}) as characteristics,
  kp.persons, kp.untitled, kp.roleless, kp.makers, kp.unrelated,
  (select lr.valid_until from (${latestReportsSql('and r.customer_id = c.id')}) lr) as valid_until,
  exists (select 1 from customer_competitor cc where cc.customer_id = c.id) as has_competitor,
  (coalesce(c.reviewed_at, c.created_at) at time zone p.time_zone)::date as reviewed_on
  from (select count(*)::int as persons,
          count(*) filter (where not ${filled('kp.title')})::int as untitled,
          count(*) filter (where not exists (select 1 from decision_role_assignment d
            where d.key_person_id = kp.id))::int as roleless,
          count(*) filter (where ${DECISION_MAKER})::int as makers,
          count(*) filter (where ${DECISION_MAKER} and not ${RELATED})::int as unrelated
        from key_person kp where kp.customer_id = c.id and kp.active) kp`;

/** When each item is missing, on `c`, `f` and `p`. */
const MISSING: Record<Code, string> = {
  [Code.MISSING_INDUSTRY]: `not ${filled('c.industry')}`,
  [Code.MISSING_REGION]: `not ${filled('c.region')}`,
  [Code.MISSING_ADDRESS]: `not ${filled('c.address')}`,
  [Code.MISSING_PHONE]: `not ${filled('c.phone')}`,
  [Code.MISSING_LEGAL_REPRESENTATIVE]: `not ${filled('c.legal_representative')}`,
  [Code.MISSING_OWNER]: 'c.owner_id is null',
  [Code.CHARACTERISTICS_INCOMPLETE]: `f.characteristics < ${CUSTOMER_CHARACTERISTICS.length}`,
  [Code.NO_KEY_PERSON]: 'f.persons = 0',
  [Code.KEY_PERSON_WITHOUT_TITLE]: 'f.untitled > 0',
  [Code.KEY_PERSON_WITHOUT_ROLE]: 'f.roleless > 0',
  [Code.NO_DECISION_MAKER]: 'f.makers = 0',
  [Code.DECISION_MAKER_WITHOUT_RELATIONSHIP]: 'f.makers > 0 and f.unrelated > 0',
  [Code.NO_CREDIT_REPORT]: 'f.valid_until is null',
  [Code.CREDIT_REPORT_EXPIRED]: 'f.valid_until < p.today',
  [Code.NO_COMPETITOR]: 'not f.has_competitor',
  [Code.REVIEW_OVERDUE]: 'p.today - f.reviewed_on > p.review_days',
};

/** Points of the rules that earn other than "the weight unless an item is missing". */
const POINTS: Partial<Record<Code, (weight: number) => string>> = {
  // one point per characteristic filled in
  [Code.CHARACTERISTICS_INCOMPLETE]: () => 'f.characteristics',
  // nothing to judge with nobody on file: no points, and no item beside NO_KEY_PERSON
  [Code.KEY_PERSON_WITHOUT_TITLE]: (w) => `case when f.persons > 0 and f.untitled = 0 then ${w} else 0 end`,
  [Code.KEY_PERSON_WITHOUT_ROLE]: (w) => `case when f.persons > 0 and f.roleless = 0 then ${w} else 0 end`,
};

const pointsOf = (rule: CompletenessRule) => {
  const special = POINTS[rule.codes[0] as Code];
  if (special) return special(rule.weight);
  return `case when ${rule.codes.map((code) => `(${MISSING[code]})`).join(' or ')} then 0 else ${rule.weight} end`;
};

/** The score, 0–100, of `c`. */
export const SCORE_SQL = `(${COMPLETENESS_RULES.map(pointsOf).join(' + ')})`;

/** The missing codes of `c`, in the rules' order. */
export const MISSING_SQL = `array_remove(array[${COMPLETENESS_RULES.flatMap((rule) => rule.codes)
  .map((code) => `case when ${MISSING[code]} then '${code}' end`)
  .join(', ')}]::text[], null)`;

/**
 * Joins `p` (parameters) and `f` (facts) to `customer as c`, so SCORE_SQL and MISSING_SQL can be selected,
 * sorted or filtered on. Days are days of the clock's business calendar.
 */
export function joinCompleteness(query: Knex.QueryBuilder, clock: Clock, reviewIntervalDays: number) {
  return query
    .joinRaw('cross join (select ?::date as today, ?::int as review_days, ?::text as time_zone) p', [
      clock.today(),
      reviewIntervalDays,
      clock.timeZone,
    ])
    .joinRaw(`cross join lateral (${FACTS}) f`);
}
