import { AbcInputError, classifiedRevenue } from './abc.js';
import { compareBigInt, ratio } from './fraction.js';

export interface ParetoPoint {
  /** fraction of customers, ranked by revenue */
  readonly customerShare: number;
  /** cumulative fraction of revenue */
  readonly revenueShare: number;
}

/**
 * The Pareto (Lorenz-style) curve of revenue over customers ranked largest first, from (0, 0) to
 * (1, 1), thinned to at most `points` evenly spread points so a chart of 10,000 customers stays
 * light. The input order does not matter. Without customers or positive revenue there is no curve
 * to draw, and the result is empty rather than a misleading diagonal.
 */
export function paretoCurve(revenues: readonly bigint[], points = 100): ParetoPoint[] {
  if (!Number.isSafeInteger(points) || points < 2) {
    throw new AbcInputError(`Invalid points ${points}: expected a whole number of at least 2`);
  }
  const sorted = revenues.map(classifiedRevenue).sort((a, b) => compareBigInt(b, a));
  const cumulative = [0n];
  for (const revenue of sorted) cumulative.push((cumulative.at(-1) ?? 0n) + revenue);
  const n = sorted.length;
  const total = cumulative[n] ?? 0n;
  if (n === 0 || total === 0n) return [];

  const indices =
    n + 1 <= points
      ? cumulative.map((_, i) => i)
      : Array.from({ length: points }, (_, k) => Math.round((k * n) / (points - 1)));
  return indices.map((i) => ({
    customerShare: i / n,
    revenueShare: ratio(cumulative[i] ?? 0n, total),
  }));
}
