import type { AbcClass } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { alignOne, type LoaderFactory } from '../../core/loaders.js';
import { isoTime } from './abc.sql.js';
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

/** Customer.abc: the default-period grades of the snapshot, one statement per batch of customers. */
export const abcGradeOf: LoaderFactory<DataLoader<string, AbcGradeView>> = (em) =>
  new DataLoader(async (ids) => {
    const rows = await em.execute<SnapshotGradeRow[]>(
      `select g.customer_id, g.class, g.revenue::text as revenue, g.rank, g.share, g.cumulative_share,
              g.previous_class, ${isoTime('s.as_of')} as as_of, s.customers, s.total_revenue > 0 as classified
       from abc_grade g left join analytics_snapshot s on true
       where g.customer_id = any(?::uuid[])`,
      [`{${ids.join(',')}}`],
    );
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
