import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import { type Joined, populatedCopies, type ReadOrder, readCopy } from './database/read-model.js';
import { alignMany, childrenLoader, childrenSelect } from './loaders.js';
import { primeNow } from './primed.js';

type Row = Record<string, unknown>;

/**
 * A per-parent list (the key persons of a customer, the links of a key person), described once so that its
 * childrenLoader and a look-ahead prefetch (which reads it for a whole page in a part of one statement and
 * primes the loader) read the same columns in the same order.
 */
export interface ChildrenRead<T extends object> {
  entity: EntityClass<T>;
  /** The many-to-one pointing at the parent. */
  parent: keyof T & string;
  orderBy: ReadOrder;
  /** Many-to-ones read in the same statement (readOr takes them from there). */
  populate?: ReadonlyArray<keyof T & string>;
}

/** The request's loader of `read`: one statement per batch of parents. */
export const childrenLoaderOf = <T extends object>(read: ChildrenRead<T>) =>
  childrenLoader(read.entity, read.parent, read.orderBy, read.populate);

/**
 * `read`'s rows for the parents `parents` selects (ids, a subquery of ids, or `$1`: an array of ids, for a
 * prepared statement), as a part of a JSON read (json-read.ts), as childrenLoader reads them
 * for a batch: the same columns, joins and order. `copies` maps rows (plain or JSON, see json-read.ts) to
 * the read copies the loader would answer. A caller may read a populated many-to-one apart (leave it out of
 * `read.populate`, hand its copies to `copies`): the order still joins it, and the copies come out the same.
 */
export function childrenQuery<T extends object>(
  em: EntityManager,
  read: ChildrenRead<T>,
  parents: readonly string[] | Knex.QueryBuilder | '$1',
) {
  const { query } = childrenSelect(
    em,
    read.entity,
    read.parent,
    read.orderBy,
    read.populate ?? [],
    (select, parentColumn) =>
      parents === '$1'
        ? select.whereRaw('?? = any($1)', [parentColumn])
        : select.whereIn(parentColumn, parents as Knex.QueryBuilder),
    true,
  );
  return { query, copies: childrenCopies(em, read) };
}

/**
 * The copies `read`'s loader answers, made of its rows; `joined`: related copies the caller read itself,
 * e.g. once per staff member rather than per row.
 */
export function childrenCopies<T extends object>(em: EntityManager, read: ChildrenRead<T>) {
  const related = populatedCopies(em, em.getMetadata().get(read.entity.name), 't', read.populate ?? []);
  return (rows: readonly Row[], joined?: (row: Row) => Joined) =>
    rows.map((row) => readCopy(em, read.entity, row, { ...related(row), ...joined?.(row) }));
}

/** Hands a loader of `read` its answers for `parentIds` (an empty list for a parent without children). */
export function primeChildren<T extends object>(
  loader: DataLoader<string, T[]>,
  read: ChildrenRead<T>,
  parentIds: readonly string[],
  copies: readonly T[],
): void {
  primeGroups(loader, parentIds, copies, (row) => (row[read.parent] as { id: string } | null)?.id ?? '');
}

/** Hands a per-parent loader its answers for `parentIds`, `parentOf` naming each copy's parent. */
export function primeGroups<T>(
  loader: DataLoader<string, T[]>,
  parentIds: readonly string[],
  copies: readonly T[],
  parentOf: (copy: T) => string,
): void {
  const groups = alignMany(parentIds, copies, parentOf);
  parentIds.forEach((id, i) => {
    primeNow(loader, id, groups[i] ?? []);
  });
}
