import { CustomerOrderField, SortDirection } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { visibleCustomers } from '../../core/access/scope.js';
import { idOf } from '../../core/graphql/global-id.js';
import { type CursorValue, positionOf, positions } from '../../core/pagination/cursor.js';
import type { Page } from '../../core/pagination/page-args.js';
import { containsPattern } from '../../core/text-search.js';
import type { Staff } from '../staff/staff.entity.js';
import { Customer } from './customer.entity.js';
import type { CustomerFilter, CustomerOrder } from './inputs/customer-inputs.js';

/**
 * Keyset columns per sort: the sort value and a unique tie-breaker. Revenue and risk sort on the analytics
 * snapshots (one row per customer, kept complete by a trigger), keyed by their own customer_id so the
 * snapshot's (value, customer_id) index serves the page.
 */
const SORTS: Record<
  CustomerOrderField,
  { value: string; id: string; position: (value: CursorValue) => boolean }
> = {
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

/** Timestamps travel in cursors as ISO strings; revenue as its exact decimal string. */
function cursorValue(value: unknown): CursorValue {
  if (value instanceof Date) return value.toISOString();
  return value === null || value === undefined ? null : (value as string | number);
}

/**
 * One keyset page of the customers the viewer may see: `(sort value, id)` compared with the cursor, so
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
  const base = () => {
    const query = knex.queryBuilder().from('customer as c');
    snapshotJoins(query, filter, order);
    applyFilter(query, filter);
    return visibleCustomers(query, 'c', viewer);
  };
  const sort = SORTS[order.field];
  const direction = order.direction === SortDirection.ASC ? 'asc' : 'desc';

  const query = base().select('c.*', knex.raw(`${sort.value} as sort_value`));
  if (page.after) {
    const op = direction === 'asc' ? '>' : '<';
    const position = positionOf(page.after, sort.position);
    query.whereRaw(`(${sort.value}, ${sort.id}) ${op} (?, ?)`, [position, page.after.id]);
  }
  query.orderBy([
    { column: sort.value, order: direction },
    { column: sort.id, order: direction },
  ]);
  query.limit(page.limit + 1);
  const rows = await em.execute<Array<Record<string, unknown>>>(query);

  const sortValues = new Map(rows.map((row) => [row.id as string, cursorValue(row.sort_value)]));
  const count = async () => {
    const [row] = await em.execute<Array<{ n: number }>>(base().count({ n: '*' }));
    return Number(row?.n ?? 0);
  };
  return {
    rows: rows.map(({ sort_value: _, ...row }) => em.map(Customer, row)),
    sortValue: (customer: Customer) => sortValues.get(customer.id) ?? null,
    count,
  };
}
