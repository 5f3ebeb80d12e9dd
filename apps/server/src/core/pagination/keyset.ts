import type { EntityClass, EntityDictionary, EntityMetadata } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { isoTime } from '../database/iso-time.js';
import { type CursorValue, positionOf } from './cursor.js';
import type { Page } from './page-args.js';

/** A keyset sort: the sort column, a unique tie-breaker, and the cursor positions the column can hold. */
export interface KeysetSort {
  value: string;
  id: string;
  position: (value: CursorValue) => boolean;
  /** The column may be null: those rows come last in either direction. */
  nullable?: boolean;
  /**
   * A timestamptz: the cursor carries it as ISO text with milliseconds, as `positions.isoTime` checks
   * (MikroORM reads timestamptz as text in PostgreSQL's own format).
   */
  time?: boolean;
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
 * Orders `query` by `(value, id)` in `direction`, nulls last either way, and keeps the rows after
 * `(position, id)`. A non-null column is one row-value comparison, which its index serves; a nullable
 * one needs the null rows placed after every value, and a null position pages within those rows by id.
 */
function keysetAfter(
  query: Knex.QueryBuilder,
  sort: KeysetSort,
  direction: 'asc' | 'desc',
  after: { position: CursorValue; id: string } | null,
): void {
  const op = direction === 'asc' ? '>' : '<';
  if (after && !sort.nullable) {
    query.whereRaw(`(${sort.value}, ${sort.id}) ${op} (?, ?)`, [after.position, after.id]);
  } else if (after && after.position === null) {
    query.whereRaw(`${sort.value} is null and ${sort.id} ${op} ?`, [after.id]);
  } else if (after) {
    query.whereRaw(`((${sort.value}, ${sort.id}) ${op} (?, ?) or ${sort.value} is null)`, [
      after.position,
      after.id,
    ]);
  }
  const nulls = sort.nullable ? ' nulls last' : '';
  query.orderByRaw(`${sort.value} ${direction}${nulls}, ${sort.id} ${direction}`);
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
  const after = page.after ? { position: positionOf(page.after, sort.position), id: page.after.id } : null;
  const value = sort.time ? isoTime(sort.value) : sort.value;
  const query = base().select(...columns, em.getKnex().raw(`${value} as sort_value`));
  keysetAfter(query, sort, direction, after);
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
