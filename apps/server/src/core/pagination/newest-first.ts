import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { ClassType } from 'type-graphql';
import type { Context } from '../context.js';
import { readCopy } from '../database/read-model.js';
import { alignMany, type LoaderFactory } from '../loaders.js';
import { type ConnectionShape, toConnection } from './connection.js';
import { positionOf, positions } from './cursor.js';
import { type Page, pageOf } from './page-args.js';

/**
 * A per-parent list read newest first, `(time column desc, id desc)`, such as a customer's projects, history
 * or orders. The cursor holds the row's time as the column has it: an ISO string for a timestamptz column,
 * YYYY-MM-DD for a date. A timestamptz column must hold no more than milliseconds, as a JS Date and so the
 * cursor do: `timestamptz(3)` when set-based SQL writes it (change.at), or written only from JS Dates
 * (project.created_at). A finer time could not be named by a cursor, and rows sharing it would be skipped.
 */
export interface NewestFirstList<T extends { id: string }> {
  entity: EntityClass<T>;
  table: string;
  parentColumn: string;
  timeColumn: string;
  /** A date column (orders by their date) instead of the default timestamptz. */
  timeType?: 'timestamptz' | 'date';
  timeOf: (row: T) => Date | string;
  /** A column a list can be narrowed by (`TimeRange.kinds`), such as the changed record's type. */
  kindColumn?: string;
  /** A column that takes a row out of the list once set, such as a destroyed document's destroyed_at. */
  hiddenOnceSet?: string;
}

/**
 * Inclusive bounds on the time column, e.g. the orders of one period; null is open. `kinds` further keeps
 * only the rows whose `kindColumn` is one of them (sorted, so equal filters batch together); null or absent
 * keeps every row.
 */
export interface TimeRange {
  from: string | null;
  to: string | null;
  kinds?: readonly string[] | null;
}

export const ALL_TIME: TimeRange = { from: null, to: null };

interface ParentPage {
  parentId: string;
  page: Page;
  range: TimeRange;
}

interface ParentRange {
  parentId: string;
  range: TimeRange;
}

type Row = Record<string, unknown>;

const rangeKey = (range: TimeRange) => JSON.stringify([range.from, range.to, range.kinds ?? null]);

/** One parent's list within one range: what a first page or a count is cached by. */
const slotKey = ({ parentId, range }: ParentRange) => JSON.stringify([parentId, rangeKey(range)]);

const cacheKey = (key: ParentPage) =>
  JSON.stringify([slotKey(key), key.page.limit, key.page.after?.value ?? null, key.page.after?.id ?? null]);

/** Narrows a query of the list (its table aliased as `alias`, or unaliased) to the range and its live rows. */
export function inRange<T extends { id: string }>(
  query: Knex.QueryBuilder,
  list: NewestFirstList<T>,
  alias: string,
  range: TimeRange,
): Knex.QueryBuilder {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  if (range.from !== null) query.where(column(list.timeColumn), '>=', range.from);
  if (range.to !== null) query.where(column(list.timeColumn), '<=', range.to);
  if (range.kinds && list.kindColumn) query.whereIn(column(list.kindColumn), [...range.kinds]);
  if (list.hiddenOnceSet) query.whereNull(column(list.hiddenOnceSet));
  return query;
}

/** Groups batch keys by their time range: each range is one statement for all its parents. */
function byRange<K extends { range: TimeRange }>(keys: readonly K[]): Map<string, K[]> {
  const groups = new Map<string, K[]>();
  for (const key of keys) {
    const group = groups.get(rangeKey(key.range));
    if (group) group.push(key);
    else groups.set(rangeKey(key.range), [key]);
  }
  return groups;
}

function mapRows<T extends { id: string }>(em: EntityManager, list: NewestFirstList<T>, rows: Row[]): T[] {
  return rows.map((row) => readCopy(em, list.entity, row));
}

/**
 * First pages of many parents in ONE statement: rows ranked per parent by a window function, cut at the
 * largest page asked for (plus the one row that tells whether more follow).
 */
async function firstPages<T extends { id: string }>(
  em: EntityManager,
  list: NewestFirstList<T>,
  parentIds: string[],
  range: TimeRange,
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
  inRange(ranked, list, 't', range);
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
  { parentId, page, range }: ParentPage,
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
  return mapRows(em, list, await em.execute<Row[]>(inRange(query, list, 't', range)));
}

export interface NewestFirstLoaders<T extends { id: string }> {
  list: NewestFirstList<T>;
  pages: LoaderFactory<DataLoader<ParentPage, T[], string>>;
  counts: LoaderFactory<DataLoader<ParentRange, number, string>>;
}

/** First pages of every parent asking for one, one statement per distinct time range. */
async function firstPagesByRange<T extends { id: string }>(
  em: EntityManager,
  list: NewestFirstList<T>,
  keys: readonly ParentPage[],
): Promise<Map<string, T[]>> {
  const pages = new Map<string, T[]>();
  for (const group of byRange(keys.filter((key) => !key.page.after)).values()) {
    const range = group[0]?.range ?? ALL_TIME;
    const take = Math.max(0, ...group.map((key) => key.page.limit)) + 1;
    const parents = [...new Set(group.map((key) => key.parentId))];
    const rows = await firstPages(em, list, parents, range, take);
    for (const [parentId, parentRows] of rows) pages.set(slotKey({ parentId, range }), parentRows);
  }
  return pages;
}

/** Total rows of many parents, one GROUP BY per distinct time range. */
async function countsByRange<T extends { id: string }>(
  em: EntityManager,
  list: NewestFirstList<T>,
  keys: readonly ParentRange[],
): Promise<number[]> {
  const counts = new Map<string, number>();
  for (const group of byRange(keys).values()) {
    const range = group[0]?.range ?? ALL_TIME;
    const query = em
      .getKnex()(list.table)
      .select({ parent: list.parentColumn })
      .count({ n: '*' })
      .whereIn(list.parentColumn, [...new Set(group.map((key) => key.parentId))])
      .groupBy(list.parentColumn);
    const rows = await em.execute<Array<{ parent: string; n: number }>>(inRange(query, list, '', range));
    for (const row of rows) counts.set(slotKey({ parentId: row.parent, range }), Number(row.n));
  }
  return keys.map((key) => counts.get(slotKey(key)) ?? 0);
}

/**
 * The per-request loaders of one list: pages keyed by (parent, first, after, range), and lazy total counts
 * keyed by (parent, range).
 */
export function newestFirstLoaders<T extends { id: string }>(
  list: NewestFirstList<T>,
): NewestFirstLoaders<T> {
  const pages: NewestFirstLoaders<T>['pages'] = (em) =>
    new DataLoader(
      async (keys) => {
        const firstRows = await firstPagesByRange(em, list, keys);
        return Promise.all(
          keys.map((key) =>
            key.page.after
              ? pageAfter(em, list, key)
              : (firstRows.get(slotKey(key)) ?? []).slice(0, key.page.limit + 1),
          ),
        );
      },
      { cacheKeyFn: cacheKey },
    );

  const counts: NewestFirstLoaders<T>['counts'] = (em) =>
    new DataLoader((keys) => countsByRange(em, list, keys), { cacheKeyFn: slotKey });

  return { list, pages, counts };
}

const cursorTime = (time: Date | string) => (time instanceof Date ? time.toISOString() : time);

/**
 * One page of a parent's list as a Relay connection, optionally within a time range; a cursor from another
 * kind of list is refused.
 */
export async function newestFirstConnection<T extends { id: string }, C extends ConnectionShape<T>>(
  ctx: Context,
  loaders: NewestFirstLoaders<T>,
  connection: ClassType<C>,
  parentId: string,
  args: { first?: number | null; after?: string | null },
  range: TimeRange = ALL_TIME,
): Promise<C> {
  const page = pageOf(args);
  if (page.after)
    positionOf(page.after, positions[loaders.list.timeType === 'date' ? 'localDate' : 'isoTime']);
  const rows = await ctx.loaders.get(loaders.pages).load({ parentId, page, range });
  return toConnection(
    connection,
    rows,
    page,
    (row) => cursorTime(loaders.list.timeOf(row)),
    () => ctx.loaders.get(loaders.counts).load({ parentId, range }),
  );
}
