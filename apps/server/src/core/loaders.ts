import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Staff } from '../modules/staff/staff.entity.js';
import {
  orderRead,
  populatedCopies,
  populateRead,
  preparedRead,
  type ReadOrder,
  readColumns,
  readCopy,
} from './database/read-model.js';
import { loadNow } from './primed.js';

/** `loaders`: the request's other loaders, for one that primes them with what it reads (a look-ahead's). */
export type LoaderFactory<L> = (em: EntityManager, viewer: Staff | null, loaders: Loaders) => L;

/**
 * The request's DataLoaders, made on first use: each module declares its factories next to its entity,
 * and every request gets fresh ones, so batching never leaks data across viewers.
 */
export class Loaders {
  private readonly made = new Map<LoaderFactory<unknown>, unknown>();

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Staff | null,
  ) {}

  get<L>(factory: LoaderFactory<L>): L {
    let loader = this.made.get(factory) as L | undefined;
    if (loader === undefined) {
      loader = factory(this.em, this.viewer, this);
      this.made.set(factory, loader);
    }
    return loader;
  }
}

/** Orders batch results as the keys asked for them; missing rows become null. */
export function alignOne<T, K>(
  keys: readonly K[],
  rows: readonly T[],
  keyOf: (row: T) => K,
): Array<T | null> {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Groups batch results per key, keeping the rows' order within each group. */
export function alignMany<T, K>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

type Row = { id: string };

/** A many-to-one as both entities (MikroORM's Reference) and read copies (ReadRef) hold it. */
interface Reference<T> {
  id: string;
  isInitialized(): boolean;
  getEntity(): T;
}

/**
 * The row behind `ref` when the statement that read its holder read it too (the relationship map joins each
 * link's key person and staff member), else a batched lookup: a visible holder's target is visible.
 */
export function readOr<T extends Row>(ref: Reference<T>, loader: DataLoader<string, T | null>) {
  return ref.isInitialized() ? ref.getEntity() : loadNow(loader, ref.id);
}

/**
 * One SELECT … WHERE id = any($1) per batch of lookups by primary key, prepared (read-model.ts `preparedRead`),
 * read as plain copies.
 */
export function byIdLoader<T extends Row>(
  entity: EntityClass<T>,
): LoaderFactory<DataLoader<string, T | null>> {
  const read = preparedRead((em) =>
    em
      .getKnex()
      .select(readColumns(em, entity, 't'))
      .from(`${em.getMetadata().get(entity.name).tableName} as t`)
      .whereRaw('t.id = any($1)'),
  );
  return (em) =>
    new DataLoader(async (ids) => {
      const rows = await read(em, [ids]);
      return alignOne(
        ids,
        rows.map((row) => readCopy(em, entity, row)),
        (row) => row.id,
      );
    });
}

/**
 * One SELECT … WHERE <parent> = any($1) per batch of per-parent lists, e.g. the key persons of many
 * customers, prepared and read as plain copies. `parent` is the many-to-one property pointing at the parent;
 * `populate` names many-to-ones read in the same statement (readOr takes them from there).
 */
export function childrenLoader<T extends object>(
  entity: EntityClass<T>,
  parent: keyof T & string,
  orderBy: ReadOrder,
  populate: ReadonlyArray<keyof T & string> = [],
): LoaderFactory<DataLoader<string, T[]>> {
  const metaOf = (em: EntityManager) => em.getMetadata().get(entity.name);
  const read = preparedRead(
    (em) =>
      childrenSelect(em, entity, parent, orderBy, populate, (query, parentColumn) =>
        query.whereRaw('?? = any($1)', [parentColumn]),
      ).query,
  );
  return (em) =>
    new DataLoader(async (parentIds) => {
      const related = populatedCopies(em, metaOf(em), 't', populate);
      const rows = await read(em, [parentIds]);
      const copies = rows.map((row) => readCopy(em, entity, row, related(row)));
      return alignMany(parentIds, copies, (row) => (row[parent] as { id: string } | null)?.id ?? '');
    });
}

/**
 * The read of a per-parent list as childrenLoader makes it (columns, populated joins, order) with `where`
 * choosing the parents, so a look-ahead that reads the list for a whole page reads the loader's very rows;
 * `json`: as a part of a JSON read (readColumns).
 */
export function childrenSelect<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  parent: keyof T & string,
  orderBy: ReadOrder,
  populate: ReadonlyArray<keyof T & string>,
  where: (query: Knex.QueryBuilder, parentColumn: string) => void,
  json = false,
) {
  const meta = em.getMetadata().get(entity.name);
  const query = em
    .getKnex()
    .select(readColumns(em, entity, 't', '', json))
    .from(`${meta.tableName} as t`);
  where(query, `t.${meta.properties[parent as never]?.fieldNames[0]}`);
  const populated = populateRead(em, query, meta, 't', populate);
  orderRead(em, query, meta, 't', orderBy, populated.aliases);
  return { query, populated };
}
