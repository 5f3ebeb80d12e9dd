import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { readColumns, readCopy } from '../database/read-model.js';
import { alignMany, type Loaders } from '../loaders.js';
import { ALL_TIME, inRange, type NewestFirstList, type NewestFirstLoaders } from './newest-first.js';
import type { Page } from './page-args.js';

type Row = Record<string, unknown>;

/**
 * The first pages of a newest-first list (newest-first.ts) for the parents of `$1` (a uuid array), as a part
 * of a prepared JSON read (json-read.ts): per parent its newest `take` rows (`take` a parameter such as
 * `$2`), parent by parent in the order of `$1`, each parent's rows newest first (time desc, id desc), as
 * the pages loader reads them. A lateral read per parent follows the list's index and stops at `take`
 * rows. `columns`: the row's columns (readColumns, decimals and bigints as text), or one column alone,
 * for a part that reads what the page's rows point at.
 */
export function firstPagesPart<T extends { id: string }>(
  em: EntityManager,
  list: NewestFirstList<T>,
  take: string,
  column?: string,
): Knex.QueryBuilder {
  const knex = em.getKnex();
  const meta = em.getMetadata().get(list.entity.name);
  const newest = knex
    .select(column ? [`t.${column}`] : readColumns(em, meta, 't', '', true))
    .from(`${list.table} as t`)
    .whereRaw('?? = parent.id', [`t.${list.parentColumn}`])
    .orderBy([
      { column: `t.${list.timeColumn}`, order: 'desc' },
      { column: 't.id', order: 'desc' },
    ]);
  inRange(newest, list, 't', ALL_TIME);
  const query = knex
    .select('page.*')
    .fromRaw(
      knex.raw(
        `unnest($1::uuid[]) with ordinality as parent(id, n) cross join lateral (? limit ${take}) as page`,
        [newest],
      ),
    );
  return column ? query : query.orderByRaw(`parent.n, page.?? desc, page.id desc`, [list.timeColumn]);
}

/**
 * Hands the pages loader of `loaders` the first page of `page.limit` rows (and the one after, which tells
 * whether more follow) of each parent of `parentIds`, from rows firstPagesPart read: what
 * newestFirstConnection then asks for, answered without a statement.
 */
export function primeFirstPages<T extends { id: string }>(
  em: EntityManager,
  requestLoaders: Loaders,
  list: NewestFirstLoaders<T>,
  parentIds: readonly string[],
  page: Page,
  rows: readonly Row[],
): void {
  const groups = alignMany(parentIds, rows, (row) => String(row[list.list.parentColumn]));
  const loader = requestLoaders.get(list.pages);
  parentIds.forEach((parentId, i) => {
    const copies = (groups[i] ?? [])
      .slice(0, page.limit + 1)
      .map((row) => readCopy(em, list.list.entity, row));
    loader.prime({ parentId, page, range: ALL_TIME }, copies);
  });
}
