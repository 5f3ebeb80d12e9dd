import type { AbcClass } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { alignOne, type LoaderFactory } from '../../core/loaders.js';
import type { Staff } from '../staff/staff.entity.js';
import { isoTime, raw, type Sql, sql, visibleTo } from './abc.sql.js';
import type { AbcGradeView } from './abc.types.js';

interface SnapshotGradeRow {
  customer_id: string;
  class: AbcClass;
  revenue: string;
  rank: number | null;
  share: number;
  cumulative_share: number;
  previous_class: AbcClass | null;
  as_of: string | null;
  customers: number | null;
  classified: boolean;
}

/**
 * Ranks of customers created since the last refresh: after the customers it classified, by code, until
 * the next refresh classifies them (a new customer has no revenue yet, so that is where it belongs).
 */
async function unrankedPositions(em: EntityManager): Promise<Map<string, number>> {
  const rows = await em.execute<Array<{ customer_id: string; n: string }>>(
    `select g.customer_id, row_number() over (order by c.code collate "C") as n
     from abc_grade g join customer c on c.id = g.customer_id where g.rank is null`,
  );
  return new Map(rows.map((row) => [row.customer_id, Number(row.n)]));
}

/**
 * A sales rep's or manager's shares of the stored grades: of their book's revenue, cumulated over the book's
 * customers ranked above (as the fresh classification gives them), so the company total cannot be read
 * back from revenue / share. Null for a reader of every customer, who reads the stored company shares.
 */
function bookShares(viewer: Staff | null): Sql | null {
  const visible = viewer ? visibleTo(viewer, 'c') : null;
  if (!visible) return null;
  return sql`, book as materialized (
      select g.customer_id, g.rank, greatest(g.revenue * 100, 0)::int8 as counted
      from abc_grade g join customer c on c.id = g.customer_id where g.rank is not null and ${visible}),
    book_shares as (
      select b.customer_id,
        case when t.total = 0 then 0 else b.counted::float8 / t.total::float8 end as share,
        case when t.total = 0 then 0
          else (sum(b.counted) over (order by b.rank rows unbounded preceding))::float8 / t.total::float8
        end as cumulative_share
      from book b cross join (select coalesce(sum(counted), 0) as total from book) t)`;
}

/** Customer.abc: the default-period grades of the snapshot, one statement per batch of customers. */
export const abcGradeOf: LoaderFactory<DataLoader<string, AbcGradeView>> = (em, viewer) =>
  new DataLoader(async (ids) => {
    const book = bookShares(viewer);
    const shares = book
      ? 'coalesce(bs.share, 0) as share, coalesce(bs.cumulative_share, 0) as cumulative_share'
      : 'g.share, g.cumulative_share';
    const statement = sql`with asked as (select unnest(${`{${ids.join(',')}}`}::uuid[]) as customer_id)
      ${book ?? raw('')}
      select g.customer_id, g.class, g.revenue::text as revenue, g.rank,
        ${raw(shares)},
        g.previous_class, ${raw(isoTime('s.as_of'))} as as_of, s.customers, s.total_revenue > 0 as classified
      from abc_grade g join asked a on a.customer_id = g.customer_id left join analytics_snapshot s on true
      ${raw(book ? 'left join book_shares bs on bs.customer_id = g.customer_id' : '')}`;
    const rows = await em.execute<SnapshotGradeRow[]>(statement.text, [...statement.values]);
    const unranked = rows.some((row) => row.rank === null) ? await unrankedPositions(em) : new Map();
    return alignOne(ids, rows, (row) => row.customer_id).map((row, i) => {
      if (!row) return new Error(`customer ${ids[i]} has no ABC grade row`);
      if (row.rank !== null) {
        return {
          class: row.class,
          revenue: row.revenue,
          share: row.share,
          cumulativeShare: row.cumulative_share,
          rank: row.rank,
          previousClass: row.previous_class,
          asOf: row.as_of ? new Date(row.as_of) : null,
        };
      }
      return {
        class: row.class,
        revenue: row.revenue,
        share: 0,
        cumulativeShare: row.classified ? 1 : 0,
        rank: (row.customers ?? 0) + (unranked.get(row.customer_id) ?? 0),
        previousClass: null,
        asOf: null,
      };
    });
  });
