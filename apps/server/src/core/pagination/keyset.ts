import type { EntityClass, EntityDictionary, EntityMetadata } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { type CursorValue, positionOf } from './cursor.js';
import type { Page } from './page-args.js';

/** A keyset sort: the sort column, a unique tie-breaker, and the cursor positions the column can hold. */
export interface KeysetSort {
  value: string;
  id: string;
  position: (value: CursorValue) => boolean;
}

/** `%text%` for ILIKE, with the pattern characters the user typed taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * The columns a list reads, as an ORM load would: stored scalars and references, lazy ones left out, so a
 * page of staff never reads a password hash.
 */
function loadedColumns(meta: EntityMetadata, alias: string): string[] {
  return meta.props
    .filter((prop) => (prop.kind === 'scalar' || prop.kind === 'm:1') && !prop.lazy && prop.persist !== false)
    .flatMap((prop) => prop.fieldNames.map((field) => `${alias}.${field}`));
}

/** Timestamps travel in cursors as ISO strings; decimals as their exact string. */
function cursorValue(value: unknown): CursorValue {
  if (value instanceof Date) return value.toISOString();
  return value === null || value === undefined ? null : (value as string | number);
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
  const columns = loadedColumns(em.getMetadata(entity), alias);
  const query = base().select(...columns, em.getKnex().raw(`${sort.value} as sort_value`));
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
    rows: rows.map(({ sort_value: _, ...row }) => em.map(entity, row as EntityDictionary<T>)),
    sortValue: (row: T) => sortValues.get(row.id) ?? null,
    count,
  };
}
