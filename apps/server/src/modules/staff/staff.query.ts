import { SortDirection, StaffOrderField } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { positions } from '../../core/pagination/cursor.js';
import { containsPattern, type KeysetSort, keysetPage } from '../../core/pagination/keyset.js';
import type { Page } from '../../core/pagination/page-args.js';
import type { StaffFilter, StaffOrder } from './inputs/staff-inputs.js';
import { Staff } from './staff.entity.js';

const SORTS: Record<StaffOrderField, KeysetSort> = {
  [StaffOrderField.NAME]: { value: 's.name', id: 's.id', position: positions.text },
  [StaffOrderField.EMAIL]: { value: 's.email', id: 's.id', position: positions.text },
};

export const DEFAULT_STAFF_ORDER: StaffOrder = { field: StaffOrderField.NAME, direction: SortDirection.ASC };

function applyFilter(query: Knex.QueryBuilder, filter: StaffFilter | null | undefined): void {
  if (!filter) return;
  const search = filter.search?.trim();
  if (search) {
    const pattern = containsPattern(search);
    query.where((q) => q.where('s.name', 'ilike', pattern).orWhere('s.email', 'ilike', pattern));
  }
  if (filter.roles?.length) query.whereIn('s.role', filter.roles);
  if (filter.active !== null && filter.active !== undefined) query.where('s.active', filter.active);
}

/**
 * One keyset page of our staff directory. Every signed-in staff member may read it: a customer's owner and
 * the people on a relationship map are named to them anyway, and handing customers over needs the list.
 */
export function staffPage(
  em: EntityManager,
  filter: StaffFilter | null | undefined,
  order: StaffOrder,
  page: Page,
) {
  const base = () => {
    const query = em.getKnex().queryBuilder().from('staff as s');
    applyFilter(query, filter);
    return query;
  };
  const direction = order.direction === SortDirection.ASC ? 'asc' : 'desc';
  return keysetPage(em, Staff, base, 's', SORTS[order.field], direction, page);
}
