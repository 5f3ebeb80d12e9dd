import type { EntityClass, EntityDictionary, EntityMetadata } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { type CursorValue, positionOf } from './cursor.js';
import type { Page } from './page-args.js';

/** A keyset sort: the sort column, a unique tie-breaker, and the cursor positions the column can hold. */
export interface KeysetSort {
  /** A column or expression, e.g. `p.amount` or a correlated subquery. */
  value: string;
  id: string;
  position: (value: CursorValue) => boolean;
  /** The value may be null (no amount, no close date): such rows come last in either direction. */
  nullable?: boolean;
}

/** `%text%` for ILIKE, with the pattern characters the user typed taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * The columns a list reads, as an ORM load would: stored scalars and references, and formulas (an order's
 * payment sums) under their field names, lazy ones left out, so a page of staff never reads a password hash.
 */
function loadedColumns(em: EntityManager, meta: EntityMetadata, alias: string): Array<string | Knex.Raw> {
  return meta.props
    .filter((prop) => (prop.kind === 'scalar' || prop.kind === 'm:1') && !prop.lazy)
    .flatMap((prop): Array<string | Knex.Raw> => {
      if (prop.formula) {
        const table = { alias, name: meta.tableName, qualifiedName: meta.tableName, toString: () => alias };
        const sql = prop.formula(table, meta.createColumnMappingObject());
        return [em.getKnex().raw(`${sql} as ??`, [prop.fieldNames[0] ?? prop.name])];
      }
      if (prop.persist === false) return [];
      return prop.fieldNames.map((field) => `${alias}.${field}`);
    });
}

/** Timestamps travel in cursors as ISO strings; decimals as their exact string. */
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
  const columns = loadedColumns(em, em.getMetadata(entity), alias);
  const query = base().select(...columns, em.getKnex().raw(`${sort.value} as sort_value`));
  whereAfter(query, sort, direction === 'asc' ? '>' : '<', page);
  query.orderByRaw(
    `${sort.value} ${direction}${sort.nullable ? ' nulls last' : ''}, ${sort.id} ${direction}`,
  );
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
