import { SortDirection } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { type Cursor, type CursorValue, isoTimeSql, positionOf, positions } from './cursor.js';
import type { Page } from './page-args.js';

/** The keyset of one sort of a root list: its value and a unique tie-breaker, as SQL expressions. */
export interface KeysetSort {
  value: string;
  id: string;
  /** The positions the value can hold (`positions.*`): a cursor of another list is refused. */
  position: (value: CursorValue) => boolean;
  /**
   * The value may be null (a relationship never contacted): such rows come last in either direction, by
   * id, and their cursors carry a null position.
   */
  nullable?: boolean;
}

type Row = Record<string, unknown>;

/** The sort value as a cursor carries it: a time as an ISO string, to the millisecond a JS Date keeps. */
const cursorSql = (sort: KeysetSort) =>
  sort.position === positions.isoTime ? isoTimeSql(sort.value) : sort.value;

/** Keeps the rows strictly after the cursor's row in the sort's order. */
function afterCursor(query: Knex.QueryBuilder, sort: KeysetSort, op: '<' | '>', after: Cursor): void {
  const position = positionOf(after, (value) => (value === null ? !!sort.nullable : sort.position(value)));
  if (position === null) {
    query.whereRaw(`${sort.value} is null and ${sort.id} ${op} ?`, [after.id]);
    return;
  }
  const beyond = `(${sort.value}, ${sort.id}) ${op} (?, ?)`;
  if (sort.nullable) query.whereRaw(`(${sort.value} is null or ${beyond})`, [position, after.id]);
  else query.whereRaw(beyond, [position, after.id]);
}

export interface KeysetQuery<T> {
  /** The filtered, access-scoped rows, unsorted and unselected: called once for the page, once for a count. */
  base: () => Knex.QueryBuilder;
  /** What the page selects, e.g. `r.*`. */
  columns: string;
  sort: KeysetSort;
  direction: SortDirection;
  page: Page;
  map: (row: Row) => T;
}

/**
 * One keyset page of a root list: `(sort value, id)` compared with the cursor, so pages stay stable under
 * inserts and never use OFFSET; one row more than the page tells whether more follow. Answers what
 * `toConnection` takes: the rows, each row's cursor value, and the lazy count of the whole filtered list.
 */
export async function keysetPage<T extends { id: string }>(em: EntityManager, spec: KeysetQuery<T>) {
  const { sort, page } = spec;
  const knex = em.getKnex();
  const direction = spec.direction === SortDirection.ASC ? 'asc' : 'desc';
  const query = spec.base().select(spec.columns, knex.raw(`${cursorSql(sort)} as sort_value`));
  if (page.after) afterCursor(query, sort, direction === 'asc' ? '>' : '<', page.after);
  query
    .orderByRaw(`${sort.value} ${direction}${sort.nullable ? ' nulls last' : ''}, ${sort.id} ${direction}`)
    .limit(page.limit + 1);
  const rows = await em.execute<Row[]>(query);

  const sortValues = new Map(rows.map((row) => [row.id as string, (row.sort_value ?? null) as CursorValue]));
  return {
    rows: rows.map(({ sort_value: _, ...row }) => spec.map(row)),
    sortValue: (row: T) => sortValues.get(row.id) ?? null,
    count: async () => {
      const [row] = await em.execute<Array<{ n: number }>>(spec.base().count({ n: '*' }));
      return Number(row?.n ?? 0);
    },
  };
}
