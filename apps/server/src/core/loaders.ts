import type { EntityClass, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Staff } from '../modules/staff/staff.entity.js';

export type LoaderFactory<L> = (em: EntityManager, viewer: Staff | null) => L;

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
      loader = factory(this.em, this.viewer);
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

/** One SELECT … WHERE id IN (…) per batch of lookups by primary key. */
export function byIdLoader<T extends Row>(
  entity: EntityClass<T>,
): LoaderFactory<DataLoader<string, T | null>> {
  return (em) =>
    new DataLoader(async (ids) => {
      const rows = await em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
      return alignOne(ids, rows, (row) => row.id);
    });
}

/**
 * One SELECT … WHERE <parent> IN (…) per batch of per-parent lists, e.g. the key persons of many customers.
 * `parent` is the many-to-one property pointing at the parent.
 */
export function childrenLoader<T extends object>(
  entity: EntityClass<T>,
  parent: keyof T & string,
  orderBy: QueryOrderMap<T>,
  where: FilterQuery<T> = {} as FilterQuery<T>,
): LoaderFactory<DataLoader<string, T[]>> {
  return (em) =>
    new DataLoader(async (parentIds) => {
      const filter = { $and: [where, { [parent]: { $in: [...parentIds] } }] } as FilterQuery<T>;
      const rows = await em.find(entity, filter, { orderBy });
      return alignMany(parentIds, rows, (row) => (row[parent] as { id: string } | null)?.id ?? '');
    });
}
