import { AbcClass, formatCents, RiskCode, RiskLevel, StaffRole } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { bookHolders, readsAllCustomers } from '../../core/access/scope.js';
import type { Clock } from '../../core/clock/clock.js';
import type { AbcRequest } from '../abc/abc.period.js';
import { revenueSums } from '../abc/abc.sql.js';
import { scoredCustomers } from '../account-coverage/account-coverage.query.js';
import { joinCompleteness, SCORE_SQL } from '../completeness/completeness.sql.js';
import { type RiskFilter, riskCustomersQuery } from '../risk/risk.query.js';
import { thresholdsOf } from '../risk/risk.refresh.js';
import type { Staff } from '../staff/staff.entity.js';
import { TeamMemberRow } from './team.types.js';

interface Row {
  owner_id: string | null;
  customers: number;
  cents: string;
  average: number | null;
  completeness: number | null;
  uncovered_ab: number;
  stale: number;
  risky: number;
}

/**
 * The team view in one statement: the visible customers per owner, each with its coverage score (the
 * account-coverage SQL), its revenue in the period (ABC's daily rollup) and whether riskCustomers lists it
 * stale or at `minRiskLevel` (the risk module's SQL) and its completeness score, so every figure is the one the other views show.
 * Every owner of visible customers has a row (a departed one too: their customers still need a new
 * owner), so do active reps without customers, and customers without an owner share a last row.
 * Largest revenue first, ties by name.
 */
export async function teamSummary(
  em: EntityManager,
  viewer: Staff,
  request: AbcRequest,
  minRiskLevel: RiskLevel,
  clock: Clock,
): Promise<TeamMemberRow[]> {
  const knex = em.getKnex();
  // Each customer's completeness score as Customer.completeness answers it (completeness.sql.ts).
  const completeness = joinCompleteness(
    knex.queryBuilder().from('customer as c'),
    clock,
    thresholdsOf(em).reviewIntervalDays,
  ).select('c.id', knex.raw(`${SCORE_SQL} as score`));
  const revenue = revenueSums(request, false);
  const listed = (filter: RiskFilter) => riskCustomersQuery(em, viewer, filter).select('c.id');
  const owned = knex
    .queryBuilder()
    .from(scoredCustomers(em, viewer).as('s'))
    .leftJoin(
      knex.raw(`(${revenue.text}) as m`, revenue.values as Knex.RawBinding[]),
      'm.customer_id',
      's.id',
    )
    .join(completeness.as('cm'), 'cm.id', 's.id')
    .leftJoin(listed({ minLevel: minRiskLevel }).as('risky'), 'risky.id', 's.id')
    .leftJoin(
      listed({ minLevel: RiskLevel.LOW, signals: [RiskCode.STALE_DOSSIER] }).as('stale'),
      'stale.id',
      's.id',
    )
    .select(
      knex.raw(
        `s.owner_id, count(*)::int as customers,
        coalesce(sum(greatest(m.cents, 0)), 0)::int8 as cents, avg(s.score)::float8 as average,
        avg(cm.score)::float8 as completeness,
        -- below 3: no key person, no decision maker known, or one not covered (COVERAGE_SCORE); the
        -- dashboard's coverage list of A and B customers lists the same
        count(*) filter (where s.class in (?, ?) and s.score < 3)::int as uncovered_ab,
        count(stale.id)::int as stale, count(risky.id)::int as risky`,
        [AbcClass.A, AbcClass.B],
      ),
    )
    .groupBy('s.owner_id');
  const query = knex
    .queryBuilder()
    .with('owned', owned)
    .from('owned as o')
    .fullOuterJoin('staff as st', 'st.id', 'o.owner_id')
    .whereNotNull('o.customers')
    .orWhere((q) => {
      q.where('st.active', true).andWhere('st.role', StaffRole.SALES_REP);
      // A rep's or manager's team view lists only the reps whose book they read, not the whole company.
      if (!readsAllCustomers(viewer)) {
        const holders = bookHolders(viewer);
        q.whereRaw(`st.id in (${holders.sql})`, holders.bindings);
      }
    })
    .select(
      knex.raw(`coalesce(o.owner_id, st.id) as owner_id, coalesce(o.customers, 0) as customers,
        coalesce(o.cents, 0)::text as cents, o.average, o.completeness, coalesce(o.uncovered_ab, 0) as uncovered_ab,
        coalesce(o.stale, 0) as stale, coalesce(o.risky, 0) as risky`),
    )
    .orderByRaw(`coalesce(o.owner_id, st.id) is null, coalesce(o.cents, 0) desc, st.name, 1`);
  const rows = await em.execute<Row[]>(query);
  return rows.map((row) =>
    Object.assign(new TeamMemberRow(), {
      ownerId: row.owner_id,
      customers: row.customers,
      revenue: formatCents(BigInt(row.cents)),
      averageCoverageScore: row.average,
      averageCompleteness: row.completeness,
      uncoveredAbCustomers: row.uncovered_ab,
      staleDossiers: row.stale,
      riskCustomers: row.risky,
    }),
  );
}
