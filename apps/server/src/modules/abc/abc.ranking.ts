import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock/clock.js';
import { type AbcRequest, abcRequest } from './abc.period.js';
import { classRule, periodBounds, raw, revenueSums, runAnalytics, type Sql, sql } from './abc.sql.js';

// The stored company-wide ranking of one period (abc_ranking_period, abc_ranking): what the classification
// of the default period is served from while it is current, i.e. while no revenue changed since it was
// computed (the revenue_version counters, bumped in the writers' transactions) and the business day is
// the one it was computed on (the period is part of its key). Otherwise the classification is computed
// fresh, and the schedule recomputes the ranking.

/** The revenue version the data of a statement's snapshot is at; the counters only ever grow. */
const REVENUE_VERSION_SQL = '(select coalesce(sum(n), 0)::int8 from revenue_version)';
const REVENUE_VERSION = raw(REVENUE_VERSION_SQL);

/** The stored period of `request`, only while it is current: zero rows or one. */
export const currentRanking = (request: AbcRequest): Sql =>
  sql`select p.* from abc_ranking_period p
    where p.period_from = ${request.from}::date and p.period_to = ${request.to}::date
      and p.a_share = ${request.aShare}::float8 and p.b_share = ${request.bShare}::float8
      and p.revenue_version = ${REVENUE_VERSION}`;

/** The id of a current stored period [from, to] whatever its shares, as SQL text: its revenue by region. */
export const CURRENT_PERIOD_ID = `select p.id from abc_ranking_period p
  where p.period_from = ?::date and p.period_to = ?::date
    and p.revenue_version = ${REVENUE_VERSION_SQL} limit 1`;

/**
 * Ranks every customer with lines in the period in DOMAIN.md's order (revenue, then code) and writes the
 * ranking with the revenue version its data is at, in one statement: a write committed after the
 * statement's snapshot bumps the counters past it.
 */
function rankingStatement(request: AbcRequest, computedAt: Date): Sql {
  return sql`with sums as materialized (${revenueSums(request, false)}),
    bounds as materialized (${periodBounds(request)}),
    positive as materialized (
      select s.customer_id, s.cents, row_number() over w as rank,
        (sum(s.cents) over (w rows unbounded preceding))::int8 - s.cents as before
      from sums s join customer c on c.id = s.customer_id where s.cents > 0
      window w as (order by s.cents desc, c.code collate "C")),
    graded as (
      select r.customer_id, r.cents, r.rank, r.before, ${classRule('')} as class
      from positive r cross join bounds b
      union all
      select customer_id, cents, null, null, 'C' from sums where cents <= 0),
    period as (
      insert into abc_ranking_period (period_from, period_to, a_share, b_share, revenue_version, computed_at,
        total, net, traded, positive, a_count, b_count, a_revenue, b_revenue)
      select ${request.from}::date, ${request.to}::date, ${request.aShare}::float8, ${request.bShare}::float8,
        ${REVENUE_VERSION}, ${computedAt}::timestamptz, b.total, b.net, b.traded, b.positive,
        (select count(*) from graded where class = 'A'), (select count(*) from graded where class = 'B'),
        (select coalesce(sum(cents), 0) from graded where class = 'A'),
        (select coalesce(sum(cents), 0) from graded where class = 'B')
      from bounds b
      returning id),
    written as (
      insert into abc_ranking (period_id, customer_id, cents, class, rank, before)
      select p.id, g.customer_id, g.cents, g.class, g.rank, g.before from graded g cross join period p
      returning 1),
    -- What salesComposition(by: REGION) sums for the period (composition.query.ts), per customer: orders
    -- counted distinct here, so that they add up over a viewer's customers.
    regions as (
      insert into abc_ranking_region (period_id, customer_id, region, amount, orders)
      select p.id, l.customer_id, coalesce(l.region, c.region, ''), sum(l.amount), count(distinct l.order_id)
      from order_day_revenue l join customer c on c.id = l.customer_id cross join period p
      where l.ordered_at between ${request.from}::date and ${request.to}::date
      group by p.id, l.customer_id, 3
      returning 1)
    select (select count(*) from written)::int as customers, (select count(*) from regions)::int as regions`;
}

/** Held while a ranking is checked and written, by every server instance on the database. */
const RANKING_LOCK = `select pg_advisory_xact_lock(hashtext('dossier.abc_ranking'))`;

async function isCurrent(em: EntityManager, request: AbcRequest): Promise<boolean> {
  const statement = currentRanking(request);
  const rows = await em.execute(`select exists (${statement.text}) as current`, [...statement.values]);
  return (rows[0] as { current: boolean } | undefined)?.current === true;
}

/** Whether the default period ending today on `clock`'s calendar is stored and current. */
export const abcRankingIsCurrent = (em: EntityManager, clock: Clock): Promise<boolean> =>
  isCurrent(em, abcRequest(null, clock));

/**
 * Recomputes the stored ranking of the default period ending today on `clock`'s calendar unless it is
 * current; replaces every stored period (only the default one is kept). Tells whether it wrote. Instances
 * queue on an advisory lock and look under it, so one of them computes a given state of the revenue.
 */
export async function refreshAbcRankingIfStale(em: EntityManager, clock: Clock): Promise<boolean> {
  const request = abcRequest(null, clock);
  return em.transactional(async (tx) => {
    await tx.execute(RANKING_LOCK);
    if (await isCurrent(tx, request)) return false;
    // Row by row, not TRUNCATE: readers go on reading the previous ranking until this one commits.
    await tx.execute('delete from abc_ranking');
    await tx.execute('delete from abc_ranking_region');
    await tx.execute('delete from abc_ranking_period');
    await runAnalytics(tx, rankingStatement(request, clock.now()));
    return true;
  });
}
