import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { visibleCustomers } from '../../core/access/scope.js';
import type { Staff } from '../staff/staff.entity.js';
import { COVERAGE_SCORE, decisionMakerCountsSql } from './account-coverage.sql.js';
import { CoverageGroup, CoverageSummaryRow } from './account-coverage.types.js';

/**
 * `(id, owner_id, region, class, score)` of the visible customers, or of those of `ids`: the coverage score
 * of each, with the ABC class of the default-period snapshot.
 */
export function scoredCustomers(
  em: EntityManager,
  viewer: Staff,
  ids?: readonly string[],
): Knex.QueryBuilder {
  const knex = em.getKnex();
  // The ids come from loaded customers, never from a request; as an array literal they are one parameter.
  const idArray = ids && `{${ids.join(',')}}`;
  const decisionMakers = idArray
    ? knex.raw(`(${decisionMakerCountsSql('and kp.customer_id = any(?::uuid[])')}) as dm`, [idArray])
    : knex.raw(`(${decisionMakerCountsSql()}) as dm`);
  const query = knex
    .queryBuilder()
    .from('customer as c')
    .join('abc_grade as g', 'g.customer_id', 'c.id')
    .leftJoin(decisionMakers, 'dm.customer_id', 'c.id')
    .select('c.id', 'c.owner_id', 'c.region', 'g.class', knex.raw(`${COVERAGE_SCORE} as score`));
  if (idArray) query.whereRaw('c.id = any(?::uuid[])', [idArray]);
  return visibleCustomers(query, 'c', viewer);
}

/** Coverage scores of many customers, in one statement; the caller has checked they are visible. */
export async function coverageScores(em: EntityManager, viewer: Staff, ids: readonly string[]) {
  const rows = await em.execute<Array<{ id: string; score: number }>>(scoredCustomers(em, viewer, ids));
  return new Map(rows.map((row) => [row.id, row.score]));
}

const KEYS: Record<CoverageGroup, string> = {
  [CoverageGroup.OWNER]: 'owner_id',
  [CoverageGroup.REGION]: 'region',
  [CoverageGroup.ABC_CLASS]: 'class',
};

/**
 * Customers per group and how many score 0, 1, 2 and 3, in one statement. Classes in order A, B, C; owners
 * and regions largest group first, ties by key, the group without one after its equals.
 */
export async function coverageSummary(
  em: EntityManager,
  viewer: Staff,
  groupBy: CoverageGroup,
): Promise<CoverageSummaryRow[]> {
  const knex = em.getKnex();
  const key = KEYS[groupBy];
  const counts = [0, 1, 2, 3].map(
    (score) => `count(*) filter (where score = ${score})::int as score${score}`,
  );
  const query = knex
    .queryBuilder()
    .from(scoredCustomers(em, viewer).as('scored'))
    .select(
      knex.raw(
        `${key} as key, count(*)::int as customers, ${counts.join(', ')}, avg(score)::float8 as average`,
      ),
    )
    .groupBy(key)
    .orderByRaw(groupBy === CoverageGroup.ABC_CLASS ? key : `count(*) desc, ${key} nulls last`);
  const rows =
    await em.execute<
      Array<
        { key: string | null; customers: number; average: number } & Record<`score${0 | 1 | 2 | 3}`, number>
      >
    >(query);
  return rows.map((row) =>
    Object.assign(new CoverageSummaryRow(), {
      ownerId: groupBy === CoverageGroup.OWNER ? row.key : null,
      region: groupBy === CoverageGroup.REGION ? row.key : null,
      abcClass: groupBy === CoverageGroup.ABC_CLASS ? row.key : null,
      customers: row.customers,
      score0: row.score0,
      score1: row.score1,
      score2: row.score2,
      score3: row.score3,
      averageScore: row.average,
    }),
  );
}
