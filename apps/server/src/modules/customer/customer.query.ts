import { SortDirection } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { visibleCustomers } from '../../core/access/scope.js';
import { idOf } from '../../core/graphql/global-id.js';
import type { CursorValue } from '../../core/pagination/cursor.js';
import type { Page } from '../../core/pagination/page-args.js';
import type { Staff } from '../staff/staff.entity.js';
import { Customer } from './customer.entity.js';
import { type CustomerFilter, type CustomerOrder, CustomerOrderField } from './inputs/customer-inputs.js';

const SORT_COLUMNS: Record<CustomerOrderField, { column: string; valueOf: (c: Customer) => CursorValue }> = {
  [CustomerOrderField.NAME]: { column: 'name', valueOf: (c) => c.name },
  [CustomerOrderField.CODE]: { column: 'code', valueOf: (c) => c.code },
  [CustomerOrderField.UPDATED_AT]: { column: 'updated_at', valueOf: (c) => c.updatedAt.toISOString() },
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

function applyFilter(query: Knex.QueryBuilder, filter: CustomerFilter | null | undefined): Knex.QueryBuilder {
  if (!filter) return query;
  const search = filter.search?.trim();
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
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
  if (filter.nature?.length) query.whereIn('c.nature', filter.nature);
  if (filter.tier?.length) query.whereIn('c.tier', filter.tier);
  if (filter.lifecycle?.length) query.whereIn('c.lifecycle', filter.lifecycle);
  if (filter.region?.length) query.whereIn('c.region', filter.region);
  if (filter.ownerId) query.where('c.owner_id', idOf(filter.ownerId, 'Staff', 'filter.ownerId'));
  return query;
}

export const DEFAULT_ORDER: CustomerOrder = { field: CustomerOrderField.NAME, direction: SortDirection.ASC };

/**
 * One keyset page of the customers the viewer may see: `(sort column, id)` compared with the cursor, so
 * pages stay stable under inserts and never use OFFSET. Fetches one extra row to tell whether more follow.
 */
export async function customerPage(
  em: EntityManager,
  viewer: Staff,
  filter: CustomerFilter | null | undefined,
  order: CustomerOrder,
  page: Page,
) {
  const knex = em.getKnex();
  const base = () =>
    visibleCustomers(applyFilter(knex.queryBuilder().from('customer as c'), filter), 'c', viewer);
  const sort = SORT_COLUMNS[order.field];
  const direction = order.direction === SortDirection.ASC ? 'asc' : 'desc';

  const query = base().select('c.*');
  if (page.after) {
    const op = direction === 'asc' ? '>' : '<';
    query.whereRaw(`(c.${sort.column}, c.id) ${op} (?, ?)`, [page.after.value, page.after.id]);
  }
  query.orderBy([
    { column: `c.${sort.column}`, order: direction },
    { column: 'c.id', order: direction },
  ]);
  query.limit(page.limit + 1);
  const rows = await em.execute<Record<string, unknown>[]>(query);

  const count = async () => {
    const [row] = await em.execute<Array<{ n: number }>>(base().count({ n: '*' }));
    return Number(row?.n ?? 0);
  };
  return { rows: rows.map((row) => em.map(Customer, row)), sortValue: sort.valueOf, count };
}
