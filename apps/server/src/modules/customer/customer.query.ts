import { CustomerOrderField, SortDirection } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { visibleCustomers } from '../../core/access/scope.js';
import { type CursorValue, orNull, positionOf, positions } from '../../core/pagination/cursor.js';
import { type KeysetSort, keysetPage } from '../../core/pagination/keyset.js';
import type { Page } from '../../core/pagination/page-args.js';
import { isoTime } from '../abc/abc.sql.js';
import type { Staff } from '../staff/staff.entity.js';
import { Customer } from './customer.entity.js';
import { applyCustomerFilter, filterNeeds } from './customer.filter.js';
import type { CustomerFilter, CustomerOrder } from './inputs/customer-inputs.js';

/**
 * Keyset columns per sort: the sort value and a unique tie-breaker. Revenue, risk and ABC rank sort on the
 * analytics snapshots (one row per customer, kept complete by a trigger), keyed by their own customer_id so
 * the snapshot's (value, customer_id) index serves the page. Creation and review times are cut to the
 * milliseconds a cursor carries, so rows written by SQL with finer times are neither skipped nor repeated.
 * Reviewed time and ABC rank are nullable (never reviewed; created since the last ABC refresh): nulls last.
 */
type Sort = KeysetSort & {
  position: (value: CursorValue) => boolean;
  /** a timestamptz: the cursor carries it as ISO text with milliseconds (the driver reads it as text) */
  time?: boolean;
};

const SORTS: Record<CustomerOrderField, Sort> = {
  [CustomerOrderField.NAME]: { value: 'c.name', id: 'c.id', position: positions.text },
  [CustomerOrderField.CODE]: { value: 'c.code', id: 'c.id', position: positions.text },
  [CustomerOrderField.UPDATED_AT]: {
    value: 'c.updated_at',
    id: 'c.id',
    time: true,
    position: positions.isoTime,
  },
  [CustomerOrderField.REVENUE]: { value: 'g.revenue', id: 'g.customer_id', position: positions.decimal },
  [CustomerOrderField.RISK_SCORE]: { value: 'r.score', id: 'r.customer_id', position: positions.int },
  [CustomerOrderField.CREATED]: {
    value: "date_trunc('milliseconds', c.created_at)",
    id: 'c.id',
    time: true,
    position: positions.isoTime,
  },
  [CustomerOrderField.REVIEWED]: {
    value: "date_trunc('milliseconds', c.reviewed_at)",
    id: 'c.id',
    time: true,
    nullable: true,
    position: orNull(positions.isoTime),
  },
  [CustomerOrderField.ABC_RANK]: {
    value: 'g.rank',
    id: 'g.customer_id',
    nullable: true,
    position: orNull(positions.int),
  },
};

/** The snapshot joins a filter or sort needs, and no others. */
function snapshotJoins(
  query: Knex.QueryBuilder,
  filter: CustomerFilter | null | undefined,
  order: CustomerOrder,
) {
  const needs = filterNeeds(filter);
  if (
    needs.grade ||
    order.field === CustomerOrderField.REVENUE ||
    order.field === CustomerOrderField.ABC_RANK
  ) {
    query.join('abc_grade as g', 'g.customer_id', 'c.id');
  }
  if (needs.risk || order.field === CustomerOrderField.RISK_SCORE) {
    query.join('risk_assessment as r', 'r.customer_id', 'c.id');
  }
}

export const DEFAULT_ORDER: CustomerOrder = { field: CustomerOrderField.NAME, direction: SortDirection.ASC };

/** Times travel in cursors as ISO strings (Sort.time), revenue as its exact decimal string. */
const cursorValue = (value: unknown): CursorValue =>
  value === null || value === undefined ? null : (value as string | number);

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
  timeZone: string,
) {
  const knex = em.getKnex();
  const base = () => {
    const query = knex.queryBuilder().from('customer as c');
    snapshotJoins(query, filter, order);
    applyCustomerFilter(query, filter, timeZone);
    return visibleCustomers(query, 'c', viewer);
  };
  const sort = SORTS[order.field];
  const direction = order.direction === SortDirection.ASC ? 'asc' : 'desc';

  const after = page.after ? { position: positionOf(page.after, sort.position), id: page.after.id } : null;
  const query = keysetPage(
    base().select('c.*', knex.raw(`${sort.time ? isoTime(sort.value) : sort.value} as sort_value`)),
    sort,
    direction,
    after,
  );
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
