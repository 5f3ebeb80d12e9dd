import type { EntityClass, EntityDictionary } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { ClassType } from 'type-graphql';
import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { alignMany, alignOne, type LoaderFactory } from '../loaders.js';
import { type ConnectionShape, toConnection } from './connection.js';
import { type Page, pageOf } from './page-args.js';

/**
 * A per-parent list read newest first, `(time column desc, id desc)`, such as a customer's projects or
 * history. The cursor holds the row's time as an ISO string: every such column is written from a JS Date,
 * so millisecond precision is exact.
 */
export interface NewestFirstList<T extends { id: string }> {
  entity: EntityClass<T>;
  table: string;
  parentColumn: string;
  timeColumn: string;
  timeOf: (row: T) => Date;
}

interface ParentPage {
  parentId: string;
  page: Page;
}

type Row = Record<string, unknown>;

const cacheKey = ({ parentId, page }: ParentPage) =>
  JSON.stringify([parentId, page.limit, page.after?.value ?? null, page.after?.id ?? null]);

function mapRows<T extends { id: string }>(em: EntityManager, list: NewestFirstList<T>, rows: Row[]): T[] {
  return rows.map(({ page_rank: _rank, ...row }) => em.map(list.entity, row as EntityDictionary<T>));
}

/**
 * First pages of many parents in ONE statement: rows ranked per parent by a window function, cut at the
 * largest page asked for (plus the one row that tells whether more follow).
 */
async function firstPages<T extends { id: string }>(
  em: EntityManager,
  list: NewestFirstList<T>,
  parentIds: string[],
  take: number,
): Promise<Map<string, T[]>> {
  const knex = em.getKnex();
  const parent = `t.${list.parentColumn}`;
  const ranked = knex(`${list.table} as t`)
    .select(
      't.*',
      knex.raw('row_number() over (partition by ?? order by ?? desc, t.id desc) as page_rank', [
        parent,
        `t.${list.timeColumn}`,
      ]),
    )
    .whereIn(parent, parentIds);
  const query = knex
    .select('*')
    .from(ranked.as('ranked'))
    .where('page_rank', '<=', take)
    .orderBy([list.parentColumn, 'page_rank']);
  const rows = await em.execute<Row[]>(query);
  const groups = alignMany(parentIds, rows, (row) => String(row[list.parentColumn]));
  return new Map(parentIds.map((id, i) => [id, mapRows(em, list, groups[i] ?? [])]));
}

/** A later page of one parent: a keyset query strictly after the cursor's row. */
async function pageAfter<T extends { id: string }>(
  em: EntityManager,
  list: NewestFirstList<T>,
  { parentId, page }: ParentPage,
): Promise<T[]> {
  const time = `t.${list.timeColumn}`;
  const query = em
    .getKnex()(`${list.table} as t`)
    .select('t.*')
    .where(`t.${list.parentColumn}`, parentId)
    .whereRaw('(??, t.id) < (?, ?)', [time, page.after?.value ?? null, page.after?.id ?? null])
    .orderBy([
      { column: time, order: 'desc' },
      { column: 't.id', order: 'desc' },
    ])
    .limit(page.limit + 1);
  return mapRows(em, list, await em.execute<Row[]>(query));
}

export interface NewestFirstLoaders<T extends { id: string }> {
  list: NewestFirstList<T>;
  pages: LoaderFactory<DataLoader<ParentPage, T[], string>>;
  counts: LoaderFactory<DataLoader<string, number>>;
}

/** The per-request loaders of one list: pages keyed by (parent, first, after), and lazy total counts. */
export function newestFirstLoaders<T extends { id: string }>(
  list: NewestFirstList<T>,
): NewestFirstLoaders<T> {
  const pages: NewestFirstLoaders<T>['pages'] = (em) =>
    new DataLoader(
      async (keys) => {
        const first = keys.filter((key) => !key.page.after);
        const take = Math.max(0, ...first.map((key) => key.page.limit)) + 1;
        const parents = [...new Set(first.map((key) => key.parentId))];
        const firstRows = parents.length > 0 ? await firstPages(em, list, parents, take) : new Map();
        return Promise.all(
          keys.map((key) =>
            key.page.after
              ? pageAfter(em, list, key)
              : (firstRows.get(key.parentId) ?? []).slice(0, key.page.limit + 1),
          ),
        );
      },
      { cacheKeyFn: cacheKey },
    );

  const counts: NewestFirstLoaders<T>['counts'] = (em) =>
    new DataLoader(async (parentIds) => {
      const rows = await em.execute<Array<{ parent: string; n: number }>>(
        em
          .getKnex()(list.table)
          .select({ parent: list.parentColumn })
          .count({ n: '*' })
          .whereIn(list.parentColumn, [...parentIds])
          .groupBy(list.parentColumn),
      );
      return alignOne(parentIds, rows, (row) => row.parent).map((row) => Number(row?.n ?? 0));
    });

  return { list, pages, counts };
}

const isIsoTime = (value: unknown) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;

/** One page of a parent's list as a Relay connection; a cursor from another kind of list is refused. */
export async function newestFirstConnection<T extends { id: string }, C extends ConnectionShape<T>>(
  ctx: Context,
  loaders: NewestFirstLoaders<T>,
  connection: ClassType<C>,
  parentId: string,
  args: { first?: number | null; after?: string | null },
): Promise<C> {
  const page = pageOf(args);
  if (page.after && !isIsoTime(page.after.value)) throw badInput('after', 'is not a cursor this API issued');
  const rows = await ctx.loaders.get(loaders.pages).load({ parentId, page });
  return toConnection(
    connection,
    rows,
    page,
    (row) => loaders.list.timeOf(row).toISOString(),
    () => ctx.loaders.get(loaders.counts).load(parentId),
  );
}
