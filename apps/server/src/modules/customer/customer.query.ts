import { CustomerOrderField, SortDirection } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { visibleCustomers } from '../../core/access/scope.js';
import type { Clock } from '../../core/clock/clock.js';
import { readReplica } from '../../core/database/replicas.js';
import { positions } from '../../core/pagination/cursor.js';
import { type KeysetSort, keysetPage } from '../../core/pagination/keyset.js';
import type { Page } from '../../core/pagination/page-args.js';
import { joinCompleteness, SCORE_SQL } from '../completeness/completeness.sql.js';
import { thresholdsOf } from '../risk/risk.refresh.js';
import type { Staff } from '../staff/staff.entity.js';
import { Customer } from './customer.entity.js';
import { applyCustomerFilter, filterNeeds } from './customer.filter.js';
import type { CustomerFilter, CustomerOrder } from './inputs/customer-inputs.js';

/**
 * Keyset columns per sort: the sort value and a unique tie-breaker. Revenue, risk and ABC rank sort on the
 * analytics snapshots (one row per customer, kept complete by a trigger), keyed by their own customer_id so
 * the snapshot's (value, customer_id) index serves the page. Creation and review times are cut to the
 * milliseconds a cursor carries, so rows written by SQL with finer times are neither skipped nor repeated.
 * Review time and ABC rank are nullable (never reviewed; created since the last ABC refresh): nulls last.
 */
const SORTS: Record<CustomerOrderField, KeysetSort> = {
  [CustomerOrderField.NAME]: { value: 'c.name', id: 'c.id', position: positions.text },
  [CustomerOrderField.CODE]: { value: 'c.code', id: 'c.id', position: positions.text },
  [CustomerOrderField.UPDATED_AT]: {
    value: 'c.updated_at',
    id: 'c.id',
    position: positions.isoTime,
  },
  [CustomerOrderField.REVENUE]: { value: 'g.revenue', id: 'g.customer_id', position: positions.decimal },
  [CustomerOrderField.RISK_SCORE]: { value: 'r.score', id: 'r.customer_id', position: positions.int },
  [CustomerOrderField.CREATED]: {
    value: "date_trunc('milliseconds', c.created_at)",
    id: 'c.id',
    position: positions.isoTime,
  },
  [CustomerOrderField.REVIEWED]: {
    value: "date_trunc('milliseconds', c.reviewed_at)",
    id: 'c.id',
    nullable: true,
    position: positions.isoTime,
  },
  [CustomerOrderField.ABC_RANK]: {
    value: 'g.rank',
    id: 'g.customer_id',
    nullable: true,
    position: positions.int,
  },
  // Computed per customer (completeness.sql.ts), ties by customer code: the score padded to three digits
  // before the code makes one text key, so the keyset stays a (value, id) pair.
  [CustomerOrderField.COMPLETENESS]: {
    value: `(lpad(${SCORE_SQL}::text, 3, '0') || ':' || c.code)`,
    id: 'c.id',
    position: positions.text,
  },
};

/** The snapshot joins a filter or sort needs, and no others. */
function snapshotJoins(
  em: EntityManager,
  query: Knex.QueryBuilder,
  filter: CustomerFilter | null | undefined,
  order: CustomerOrder,
  clock: Clock,
) {
  if (order.field === CustomerOrderField.COMPLETENESS) {
    joinCompleteness(query, clock, thresholdsOf(em).reviewIntervalDays);
  }
  const needs = filterNeeds(filter);
  const gradeSort = order.field === CustomerOrderField.REVENUE || order.field === CustomerOrderField.ABC_RANK;
  if (needs.grade || gradeSort) query.join('abc_grade as g', 'g.customer_id', 'c.id');
  if (needs.risk || order.field === CustomerOrderField.RISK_SCORE) {
    query.join('risk_assessment as r', 'r.customer_id', 'c.id');
  }
}

export const DEFAULT_ORDER: CustomerOrder = { field: CustomerOrderField.NAME, direction: SortDirection.ASC };

/** One keyset page of the customers the viewer may see; days are days of the clock's business calendar. */
export function customerPage(
  em: EntityManager,
  viewer: Staff,
  filter: CustomerFilter | null | undefined,
  order: CustomerOrder,
  page: Page,
  clock: Clock,
) {
  const base = () => {
    const query = em.getKnex().queryBuilder().from('customer as c');
    snapshotJoins(em, query, filter, order, clock);
    applyCustomerFilter(query, filter, clock.timeZone);
    return visibleCustomers(query, 'c', viewer);
  };
  const direction = order.direction === SortDirection.ASC ? 'asc' : 'desc';
  return keysetPage(readReplica(em), Customer, base, 'c', SORTS[order.field], direction, page);
}
