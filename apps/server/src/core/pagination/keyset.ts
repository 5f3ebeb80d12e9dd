import type { Knex } from '@mikro-orm/postgresql';
import type { CursorValue } from './cursor.js';

/** A keyset sort: the value expression, a unique tie-breaker, and whether the value may be null. */
export interface KeysetSort {
  value: string;
  id: string;
  nullable?: boolean;
}

/**
 * Orders `query` by `(value, id)` in `direction`, nulls last either way, and keeps the rows after
 * `(position, afterId)`. A non-null column is one row-value comparison, which its index serves; a nullable
 * one needs the null rows placed after every value, and a null position pages within those rows by id.
 */
export function keysetPage(
  query: Knex.QueryBuilder,
  sort: KeysetSort,
  direction: 'asc' | 'desc',
  after: { position: CursorValue; id: string } | null,
): Knex.QueryBuilder {
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
  return query.orderByRaw(`${sort.value} ${direction}${nulls}, ${sort.id} ${direction}`);
}
