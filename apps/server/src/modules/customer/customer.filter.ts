import type { Knex } from '@mikro-orm/postgresql';
import { badInput } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { containsPattern } from '../../core/pagination/keyset.js';
import {
  COVERAGE_SCORE,
  decisionMakerCountsSql,
  uncoveredCustomersSql,
} from '../account-coverage/account-coverage.sql.js';
import { latestReportsSql } from '../credit-report/latest-report.sql.js';
import { whereAnySignal } from '../risk/risk.query.js';
import { applyCharacteristicsFilter } from './customer-characteristics.js';
import type { CustomerFilter, CustomerOrderedFilter } from './inputs/customer-inputs.js';

function applySearch(query: Knex.QueryBuilder, search: string): void {
  const pattern = containsPattern(search);
  query.where((q) =>
    q
      .where('c.name', 'ilike', pattern)
      .orWhere('c.code', 'ilike', pattern)
      .orWhereExists((kp) =>
        kp
          .select(1)
          .from('key_person as kp')
          .whereRaw('kp.customer_id = c.id')
          .andWhere('kp.name', 'ilike', pattern),
      ),
  );
}

/** Whole-value, case-insensitive: "shanghai" finds "Shanghai", "Shang" does not. */
function anyOfIgnoringCase(query: Knex.QueryBuilder, column: string, values: readonly string[]): void {
  query.whereRaw(`lower(${column}) in (${values.map(() => 'lower(?)').join(', ')})`, [...values]);
}

/** An inclusive range of business-calendar days on a timestamptz column; a null instant is in no range. */
function dayRange(
  query: Knex.QueryBuilder,
  column: string,
  timeZone: string,
  from: string | null | undefined,
  to: string | null | undefined,
): void {
  const day = `(${column} at time zone ?)::date`;
  if (from) query.whereRaw(`${day} >= ?::date`, [timeZone, from]);
  if (to) query.whereRaw(`${day} <= ?::date`, [timeZone, to]);
}

const SCORES = [0, 1, 2, 3];

/** The coverage score of `c`, the rule account-coverage.sql.ts states, for this customer alone. */
const coverageScoreOfC = `(select ${COVERAGE_SCORE}
  from (select 1) one left join (${decisionMakerCountsSql('and kp.customer_id = c.id')}) dm on true)`;

/** Refuses a range whose start is after its end, rather than answering an empty list. */
function checkRange(name: string, from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && from > to) throw badInput(`filter.${name}From`, `must not be after ${name}To`);
}

/**
 * Customers with a row of order_revenue (lines and returns, as salesComposition sums them) in the
 * period that meets every condition given, so a slice's link lists exactly the customers it counts.
 */
function applyOrdered(query: Knex.QueryBuilder, ordered: CustomerOrderedFilter): void {
  if (ordered.from > ordered.to) throw badInput('filter.ordered.from', 'must not be after to');
  const productId = ordered.productId && idOf(ordered.productId, 'Product', 'filter.ordered.productId');
  const { category, region } = ordered;
  query.whereExists((q) => {
    q.select(1)
      .from('order_revenue as ol')
      .whereRaw('ol.customer_id = c.id')
      .whereBetween('ol.ordered_at', [ordered.from, ordered.to]);
    if (productId) q.where('ol.product_id', productId);
    if (category) {
      q.whereExists((p) =>
        p.select(1).from('product as p').whereRaw('p.id = ol.product_id').where('p.category', category),
      );
    }
    if (region) {
      q.whereExists((o) =>
        o
          .select(1)
          .from('sales_order as o')
          .whereRaw('o.id = ol.order_id')
          .whereRaw('coalesce(o.region, c.region) = ?', [region]),
      );
    }
  });
}

/**
 * The customer list's filter on `customer as c`, with `g` (abc_grade) and `r` (risk_assessment) joined
 * when asked for (`needsGrade` / `needsRisk`). Days are days of the business calendar in `timeZone`.
 */
export function applyCustomerFilter(
  query: Knex.QueryBuilder,
  filter: CustomerFilter | null | undefined,
  timeZone: string,
): void {
  if (!filter) return;
  checkRange('created', filter.createdFrom, filter.createdTo);
  checkRange('reviewed', filter.reviewedFrom, filter.reviewedTo);
  if (filter.coverageScore?.some((score) => !SCORES.includes(score))) {
    throw badInput('filter.coverageScore', 'must hold scores from 0 to 3');
  }
  const search = filter.search?.trim();
  if (search) applySearch(query, search);
  if (filter.nature?.length) query.whereIn('c.nature', filter.nature);
  if (filter.tier?.length) query.whereIn('c.tier', filter.tier);
  if (filter.lifecycle?.length) query.whereIn('c.lifecycle', filter.lifecycle);
  if (filter.region?.length) query.whereIn('c.region', filter.region);
  if (filter.industry?.length) anyOfIgnoringCase(query, 'c.industry', filter.industry);
  if (filter.city?.length) anyOfIgnoringCase(query, 'c.city', filter.city);
  if (filter.ownerId) query.where('c.owner_id', idOf(filter.ownerId, 'Staff', 'filter.ownerId'));
  if (filter.competitorId) {
    const competitorId = idOf(filter.competitorId, 'Competitor', 'filter.competitorId');
    // A semi-join on the presence's (customer, competitor) key: one row per customer whatever else matches.
    query.whereExists((cc) =>
      cc
        .select(1)
        .from('customer_competitor as cc')
        .whereRaw('cc.customer_id = c.id')
        .where('cc.competitor_id', competitorId),
    );
  }
  if (filter.abcClass?.length) query.whereIn('g.class', filter.abcClass);
  if (filter.riskLevel?.length) query.whereIn('r.level', filter.riskLevel);
  if (filter.riskSignals?.length) whereAnySignal(query, filter.riskSignals);
  dayRange(query, 'c.created_at', timeZone, filter.createdFrom, filter.createdTo);
  dayRange(query, 'c.reviewed_at', timeZone, filter.reviewedFrom, filter.reviewedTo);
  if (filter.creditReportExpiringBefore) {
    // no latest report valid on that day: it ends before it, or there is none
    query.whereRaw(
      `not exists (select 1 from (${latestReportsSql('and r.customer_id = c.id')}) lr where lr.valid_until >= ?::date)`,
      [filter.creditReportExpiringBefore],
    );
  }
  if (filter.hasUncoveredDecisionMaker === true) query.whereRaw(`c.id in (${uncoveredCustomersSql()})`);
  if (filter.hasUncoveredDecisionMaker === false) query.whereRaw(`c.id not in (${uncoveredCustomersSql()})`);
  if (filter.coverageScore?.length) {
    query.whereRaw(`${coverageScoreOfC} = any(?::int[])`, [`{${filter.coverageScore.join(',')}}`]);
  }
  if (filter.ordered) applyOrdered(query, filter.ordered);
  if (filter.characteristics) applyCharacteristicsFilter(query, filter.characteristics);
}

/** Whether the filter reads the ABC (g) or risk (r) snapshot. */
export const filterNeeds = (filter: CustomerFilter | null | undefined) => ({
  grade: Boolean(filter?.abcClass?.length),
  risk: Boolean(filter?.riskLevel?.length || filter?.riskSignals?.length),
});
