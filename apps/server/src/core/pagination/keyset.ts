import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { isoTime } from '../database/iso-time.js';
import { readColumns, readCopy } from '../database/read-model.js';
import { type Cursor, type CursorValue, positionOf, positions } from './cursor.js';
import type { Page } from './page-args.js';

/** A keyset sort: the sort column, a unique tie-breaker, and the cursor positions the column can hold. */
export interface KeysetSort {
  value: string;
  id: string;
  position: (value: CursorValue) => boolean;
  /**
   * The value may be null (a relationship never contacted): such rows come last in either direction, by
   * id, and their cursors carry a null position.
   */
  nullable?: boolean;
}

/** `%text%` for ILIKE, with the pattern characters the user typed taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * The sort value as a cursor carries it. Raw rows hand a timestamptz over as PostgreSQL prints it in the
 * session's zone, which `positions.isoTime` rightly refuses: SQL formats a time as ISO, to the millisecond.
 */
const cursorSql = (sort: KeysetSort) =>
  sort.position === positions.isoTime ? isoTime(sort.value) : sort.value;

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

/**
 * One keyset page of the rows `base()` selects from `alias`: `(sort value, id)` compared with the cursor,
 * so pages stay stable under inserts and never use OFFSET. Fetches one extra row to tell whether more
 * follow; the total count is a separate statement, run only when asked for.
 */
export async function keysetPage<T extends { id: string }>(
  em: EntityManager,
  entity: EntityClass<T>,
  base: () => Knex.QueryBuilder,
  alias: string,
  sort: KeysetSort,
  direction: 'asc' | 'desc',
  page: Page,
) {
  const columns = readColumns(em, entity, alias);
  const query = base().select(...columns, em.getKnex().raw(`${cursorSql(sort)} as sort_value`));
  if (page.after) afterCursor(query, sort, direction === 'asc' ? '>' : '<', page.after);
  query
    .orderByRaw(`${sort.value} ${direction}${sort.nullable ? ' nulls last' : ''}, ${sort.id} ${direction}`)
    .limit(page.limit + 1);
  const rows = await em.execute<Array<Record<string, unknown>>>(query);

  const sortValues = new Map(rows.map((row) => [row.id as string, (row.sort_value ?? null) as CursorValue]));
  const count = async () => {
    const [row] = await em.execute<Array<{ n: number }>>(base().count({ n: '*' }));
    return Number(row?.n ?? 0);
  };
  return {
    rows: rows.map((row) => readCopy(em, entity, row)),
    sortValue: (row: T) => sortValues.get(row.id) ?? null,
    count,
  };
}
