import { CustomerOrderField, SortDirection } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { visibleCustomers } from '../../core/access/scope.js';
import { idOf } from '../../core/graphql/global-id.js';
import { positions } from '../../core/pagination/cursor.js';
import { containsPattern, type KeysetSort, keysetPage } from '../../core/pagination/keyset.js';
import type { Page } from '../../core/pagination/page-args.js';
import type { Staff } from '../staff/staff.entity.js';
import { Customer } from './customer.entity.js';
import type { CustomerFilter, CustomerOrder } from './inputs/customer-inputs.js';

/**
 * Keyset columns per sort: the sort value and a unique tie-breaker. Revenue and risk sort on the analytics
 * snapshots (one row per customer, kept complete by a trigger), keyed by their own customer_id so the
 * snapshot's (value, customer_id) index serves the page.
 */
const SORTS: Record<CustomerOrderField, KeysetSort> = {
  [CustomerOrderField.NAME]: { value: 'c.name', id: 'c.id', position: positions.text },
  [CustomerOrderField.CODE]: { value: 'c.code', id: 'c.id', position: positions.text },
  [CustomerOrderField.UPDATED_AT]: { value: 'c.updated_at', id: 'c.id', position: positions.isoTime },
  [CustomerOrderField.REVENUE]: { value: 'g.revenue', id: 'g.customer_id', position: positions.decimal },
  [CustomerOrderField.RISK_SCORE]: { value: 'r.score', id: 'r.customer_id', position: positions.int },
};

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

function applyFilter(query: Knex.QueryBuilder, filter: CustomerFilter | null | undefined): void {
  if (!filter) return;
  const search = filter.search?.trim();
  if (search) applySearch(query, search);
  if (filter.nature?.length) query.whereIn('c.nature', filter.nature);
  if (filter.tier?.length) query.whereIn('c.tier', filter.tier);
  if (filter.lifecycle?.length) query.whereIn('c.lifecycle', filter.lifecycle);
  if (filter.region?.length) query.whereIn('c.region', filter.region);
  if (filter.ownerId) query.where('c.owner_id', idOf(filter.ownerId, 'Staff', 'filter.ownerId'));
  if (filter.abcClass?.length) query.whereIn('g.class', filter.abcClass);
  if (filter.riskLevel?.length) query.whereIn('r.level', filter.riskLevel);
}

/** The snapshot joins a filter or sort needs, and no others. */
function snapshotJoins(
  query: Knex.QueryBuilder,
  filter: CustomerFilter | null | undefined,
  order: CustomerOrder,
) {
  if (filter?.abcClass?.length || order.field === CustomerOrderField.REVENUE) {
    query.join('abc_grade as g', 'g.customer_id', 'c.id');
  }
  if (filter?.riskLevel?.length || order.field === CustomerOrderField.RISK_SCORE) {
    query.join('risk_assessment as r', 'r.customer_id', 'c.id');
  }
}

export const DEFAULT_ORDER: CustomerOrder = { field: CustomerOrderField.NAME, direction: SortDirection.ASC };

/** One keyset page of the customers the viewer may see. */
export function customerPage(
  em: EntityManager,
  viewer: Staff,
  filter: CustomerFilter | null | undefined,
  order: CustomerOrder,
  page: Page,
) {
  const base = () => {
    const query = em.getKnex().queryBuilder().from('customer as c');
    snapshotJoins(query, filter, order);
    applyFilter(query, filter);
    return visibleCustomers(query, 'c', viewer);
  };
  const direction = order.direction === SortDirection.ASC ? 'asc' : 'desc';
  return keysetPage(em, Customer, base, 'c', SORTS[order.field], direction, page);
}
