import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock/clock.js';
import { type AbcRequest, abcRequest } from './abc.period.js';
import {
  classRule,
  existedBefore,
  isoTime,
  periodBounds,
  raw,
  revenueBefore,
  revenueSums,
  runAnalytics,
  type Sql,
  sql,
} from './abc.sql.js';

// The default-period classification (the 12 months up to today, default shares) kept in abc_grade, one
// row per customer, for Customer.abc and the customer list's class filter and revenue sort. Every customer
// is ranked here, so ranks are taken by code directly: no tie needs fixing afterwards.

export interface AbcSnapshot {
  from: string;
  to: string;
  totalRevenue: string;
  customers: number;
  /** grade rows that changed */
  changed: number;
  asOf: Date;
}

/** Held while the snapshot is checked and written, by every server instance on the database. */
const SNAPSHOT_LOCK = `select pg_advisory_xact_lock(hashtext('dossier.abc_snapshot'))`;

function snapshotStatement(request: AbcRequest, asOf: Date): Sql {
  return sql`with sums as materialized (${revenueSums(request, true)}),
    bounds as materialized (${periodBounds(request)}),
    ranked as (
      select p.*, row_number() over cw as rank, ${revenueBefore('', 'cw')} as before,
        ${revenueBefore('previous_', 'pw')} as previous_before
      from (select c.id as customer_id, c.code collate "C" as code, coalesce(s.cents, 0)::int8 as cents,
              s.previous_cents,
              s.previous_cents is not null or c.created_at < ${existedBefore(request)} as existed
            from customer c left join sums s on s.customer_id = c.id) p
      window cw as (order by cents desc, code), pw as (order by previous_cents desc nulls last, code)),
    graded as (
      select r.customer_id, r.rank, r.cents, r.before, ${classRule('')} as class,
        case when r.previous_cents > 0 then ${classRule('previous_')} when r.existed then 'C' end as previous_class
      from ranked r cross join bounds b),
    final as (
      select customer_id, class, (cents / 100.0)::numeric(16, 2) as revenue, rank,
        case when b.total = 0 then 0 else greatest(cents, 0)::float8 / b.total::float8 end as share,
        case when b.total = 0 then 0 else (before + greatest(cents, 0))::float8 / b.total::float8 end
          as cumulative_share,
        previous_class
      from graded cross join bounds b),
    -- Every customer has its row (a trigger adds it): an update, and only of the grades that changed.
    written as (
      update abc_grade g set class = f.class, revenue = f.revenue, rank = f.rank, share = f.share,
        cumulative_share = f.cumulative_share, previous_class = f.previous_class
      from final f
      where g.customer_id = f.customer_id
        and (g.class, g.revenue, g.rank, g.share, g.cumulative_share, g.previous_class) is distinct from
          (f.class, f.revenue, f.rank, f.share, f.cumulative_share, f.previous_class)
      returning 1)
    insert into analytics_snapshot as s (id, period_from, period_to, a_share, b_share, total_revenue, as_of, customers)
    select 1, ${request.from}::date, ${request.to}::date, ${request.aShare}, ${request.bShare}, b.total / 100.0,
      ${asOf}::timestamptz, b.customers
    from bounds b
    on conflict (id) do update set period_from = excluded.period_from, period_to = excluded.period_to,
      a_share = excluded.a_share, b_share = excluded.b_share, total_revenue = excluded.total_revenue,
      as_of = excluded.as_of, customers = excluded.customers
    returning to_char(period_from, 'YYYY-MM-DD') as "from", to_char(period_to, 'YYYY-MM-DD') as "to",
      total_revenue::text as "totalRevenue", customers, ${raw(isoTime('as_of'))} as "asOf",
      (select count(*) from written)::int as changed`;
}

/**
 * Classifies every customer for the default period ending today on `clock`'s calendar and writes abc_grade
 * and analytics_snapshot in one transaction; concurrent refreshes queue on an advisory lock. Importers and
 * the seeder call it after their own transaction committed.
 */
export async function refreshAbcSnapshot(em: EntityManager, clock: Clock): Promise<AbcSnapshot> {
  const request = abcRequest(null, clock);
  return em.transactional(async (tx) => {
    await tx.execute(SNAPSHOT_LOCK);
    const [snapshot] = await runAnalytics<AbcSnapshot & { asOf: string }>(
      tx,
      snapshotStatement(request, clock.now()),
    );
    if (!snapshot) throw new Error('the ABC snapshot statement returned no row');
    return { ...snapshot, asOf: new Date(snapshot.asOf) };
  });
}

/**
 * Refreshes when there is no snapshot yet or its period does not end today on `clock`'s calendar (the
 * default period moves at midnight in the business zone); tells whether it did. Every server instance
 * checks on its schedule: it looks under the lock, so the instances that waited for the one refreshing
 * find the snapshot fresh and refresh once per period between them. The wait counts against
 * statement_timeout, as the refresh it waits for does.
 */
export async function refreshAbcSnapshotIfStale(em: EntityManager, clock: Clock): Promise<boolean> {
  return em.transactional(async (tx) => {
    await tx.execute(SNAPSHOT_LOCK);
    const [current] = await tx.execute<Array<{ to: string }>>(
      `select to_char(period_to, 'YYYY-MM-DD') as "to" from analytics_snapshot`,
    );
    if (current?.to === clock.today()) return false;
    await refreshAbcSnapshot(tx, clock);
    return true;
  });
}
