import type { Summary } from './results.js';
import { MIX, MIXED_CONNECTIONS } from './scenarios.js';

/** Issue 11's goal for the mixed scenario: p99 under this many milliseconds at 32 connections. */
export const MIXED_P99_GOAL_MS = 100;

export interface MixedBound {
  /** The most mixed requests per second this machine could complete, answering each as fast as measured. */
  requestsPerSecond: number;
  /** Little's law: the least mean latency of a closed loop of MIXED_CONNECTIONS connections at that rate. */
  meanLatencyMs: number;
  /** The throughput a p99 under the goal needs at least (the mean cannot exceed the p99 by much). */
  neededRequestsPerSecond: number;
  /** The req/s each counted scenario was credited with (the fastest server's in the run). */
  capacities: Record<number, number>;
}

/**
 * What the hardware allows the mixed scenario, from the run's own figures. autocannon keeps every connection
 * busy (a closed loop), so by Little's law the mean latency is connections / throughput. A mixed request costs
 * the machine at least its share of each scenario's cost at the fastest rate any server reached on it (the
 * raw-SQL server's hand-written statements for lists and dossiers); the dashboard and the writes, which no
 * baseline answers, count as free, so the bound is generous to the goal. Null when the run has no baseline for
 * scenarios 1 and 2.
 */
export function mixedBound(summaries: readonly Summary[]): MixedBound | null {
  const capacities: Record<number, number> = {};
  for (const scenario of [1, 2]) {
    const fastest = Math.max(
      0,
      ...summaries
        .filter((m) => m.scenario === scenario && m.server !== 'dossier' && m.server !== 'unbatched')
        .map((m) => m.requestsPerSecond),
    );
    if (fastest === 0) return null;
    capacities[scenario] = fastest;
  }
  const secondsPerRequest = Object.entries(capacities).reduce(
    (sum, [scenario, capacity]) => sum + (MIX[Number(scenario)] ?? 0) / capacity,
    0,
  );
  const requestsPerSecond = 1 / secondsPerRequest;
  return {
    requestsPerSecond,
    meanLatencyMs: (MIXED_CONNECTIONS / requestsPerSecond) * 1000,
    neededRequestsPerSecond: MIXED_CONNECTIONS / (MIXED_P99_GOAL_MS / 1000),
    capacities,
  };
}

/** The bound as the results print it. */
export function mixedBoundLines(summaries: readonly Summary[]): string[] {
  const bound = mixedBound(summaries);
  if (!bound) return [];
  const [list, dossier] = [bound.capacities[1], bound.capacities[2]].map((c) => c?.toFixed(1));
  return [
    `Mixed scenario, what this machine allows (Little's law): answering every list at ${list} req/s and every ` +
      `dossier at ${dossier} req/s (the fastest baseline's rates in this run) and the dashboard and writes for ` +
      `free, it completes at most ${bound.requestsPerSecond.toFixed(0)} mixed req/s, so ${MIXED_CONNECTIONS} ` +
      `connections wait at least ${bound.meanLatencyMs.toFixed(0)} ms on average; a p99 under ` +
      `${MIXED_P99_GOAL_MS} ms needs at least ${bound.neededRequestsPerSecond.toFixed(0)} req/s.`,
  ];
}
