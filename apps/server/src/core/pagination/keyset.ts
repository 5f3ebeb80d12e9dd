import { SortDirection } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { type CursorValue, positionOf } from './cursor.js';
import type { Page } from './page-args.js';

/** One sort of a root list: the sort value and a unique tie-breaker, both SQL over the list's aliases. */
export interface KeysetSort {
  /** A column or expression, e.g. `p.amount` or a correlated subquery. */
  value: string;
  /** A unique column of the listed row, e.g. `p.id`. */
  id: string;
  /** The cursor positions this sort's value can hold (a `positions` check). */
  position: (value: CursorValue) => boolean;
  /** The value may be null (no amount, no close date): such rows come last in either direction. */
  nullable?: boolean;
}

type Row = Record<string, unknown>;

/** Timestamps travel in cursors as ISO strings; decimals and dates as PostgreSQL prints them. */
function cursorValue(value: unknown): CursorValue {
  if (value instanceof Date) return value.toISOString();
  return value === null || value === undefined ? null : (value as string | number);
}

/**
 * Rows strictly after the cursor's in `(value, id)` order. Nulls sort last, so after a row with a value come
 * the larger values, the same value with a later id, then every null; after a null only later-id nulls.
 */
function whereAfter(query: Knex.QueryBuilder, sort: KeysetSort, op: '<' | '>', page: Page): void {
  if (!page.after) return;
  const position = positionOf(page.after, (value) =>
    value === null ? sort.nullable === true : sort.position(value),
  );
  if (position === null) {
    query.whereRaw(`${sort.value} is null and ${sort.id} ${op} ?`, [page.after.id]);
  } else if (sort.nullable) {
    query.whereRaw(`((${sort.value}, ${sort.id}) ${op} (?, ?) or ${sort.value} is null)`, [
      position,
      page.after.id,
    ]);
  } else {
    query.whereRaw(`(${sort.value}, ${sort.id}) ${op} (?, ?)`, [position, page.after.id]);
  }
}

/**
 * One keyset page of a root list: `base()` builds the filtered, access-scoped FROM … WHERE, this adds the
 * cursor condition, the order and a limit one row past the page (that row only tells that more follow). No
 * OFFSET, so a page stays stable while rows are inserted before it. `columns` are the listed row's, e.g.
 * `kp.*`; `map` turns such a row into its entity.
 */
export async function keysetPage<T extends { id: string }>(
  em: EntityManager,
  base: () => Knex.QueryBuilder,
  columns: string,
  sort: KeysetSort,
  direction: SortDirection,
  page: Page,
  map: (row: Row) => T,
) {
  const knex = em.getKnex();
  const order = direction === SortDirection.ASC ? 'asc' : 'desc';
  const query = base().select(knex.raw(`${columns}, ${sort.value} as sort_value`));
  whereAfter(query, sort, order === 'asc' ? '>' : '<', page);
  query.orderByRaw(`${sort.value} ${order}${sort.nullable ? ' nulls last' : ''}, ${sort.id} ${order}`);
  query.limit(page.limit + 1);
  const rows = await em.execute<Row[]>(query);

  const sortValues = new Map(rows.map((row) => [row.id as string, cursorValue(row.sort_value)]));
  const count = async () => {
    const [row] = await em.execute<Array<{ n: number }>>(base().count({ n: '*' }));
    return Number(row?.n ?? 0);
  };
  return {
    rows: rows.map(({ sort_value: _, ...row }) => map(row)),
    sortValue: (entity: T) => sortValues.get(entity.id) ?? null,
    count,
  };
}
