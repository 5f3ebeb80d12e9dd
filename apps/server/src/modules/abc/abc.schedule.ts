import type { MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock/clock.js';
import type { Logger } from '../../core/logger.js';
import type { JobRuns } from '../../core/metrics/metrics.js';
import { refreshRiskIfStale } from '../risk/risk.refresh.js';
import { refreshAbcRankingIfStale } from './abc.ranking.js';
import { refreshAbcSnapshotIfStale } from './abc.snapshot.js';

const HOUR = 3_600_000;
/**
 * How often the stored ranking (abc.ranking.ts) is checked: after an order write, the dashboard computes
 * its classification fresh (same answer, ≈ 0.4 s at 100k customers) until the ranking is recomputed.
 */
const RANKING_CHECK = 15_000;

/**
 * Keeps Customer.abc on "the 12 months up to today": the period moves with the business calendar of
 * `clock`, and then the risk assessments (Customer.risk) on that snapshot and the calendar (days past due).
 * Checks at start, in the background (a million customers take a while) and every hour, one run at a time;
 * the stored ranking of the dashboard's classification more often, whenever revenue changed or the day
 * turned (`rankingEvery`). The returned stop waits for a run in progress. Every step's run, duration and
 * failure is counted in `jobs` (the metrics); a failure is logged and the next step runs all the same.
 */
export function startAbcSchedule(
  orm: MikroORM,
  log: Logger,
  clock: Clock,
  jobs: JobRuns,
  every = HOUR,
  rankingEvery = RANKING_CHECK,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const refresh = async () => {
    // performance.now measures a duration, not a time of day: the business clock has no say in it.
    const started = performance.now();
    if (await refreshAbcSnapshotIfStale(orm.em.fork(), clock)) {
      log.info({ ms: Math.round(performance.now() - started) }, 'ABC snapshot refreshed');
    }
  };
  const rank = async () => {
    const started = performance.now();
    if (await refreshAbcRankingIfStale(orm.em.fork(), clock)) {
      log.info({ ms: Math.round(performance.now() - started) }, 'ABC ranking recomputed');
    }
  };
  const rankNow = () => {
    running = running
      .then(() => jobs.track('abc_ranking', rank))
      .catch((err: unknown) => log.error({ err }, 'ABC ranking refresh failed'));
  };
  const run = () => {
    running = running
      .then(() => jobs.track('abc_snapshot', refresh))
      .catch((err: unknown) => log.error({ err }, 'ABC snapshot refresh failed'))
      .then(() => jobs.track('abc_ranking', rank))
      .catch((err: unknown) => log.error({ err }, 'ABC ranking refresh failed'))
      // The risk rules read the classes: their assessments follow the snapshot they were just given.
      .then(() => jobs.track('risk_refresh', () => refreshRiskIfStale(orm.em.fork(), log, clock)))
      .catch((err: unknown) => log.error({ err }, 'risk refresh failed'));
  };
  run();
  const timer = setInterval(run, every);
  timer.unref();
  const rankingTimer = setInterval(rankNow, rankingEvery);
  rankingTimer.unref();
  return async () => {
    clearInterval(timer);
    clearInterval(rankingTimer);
    await running;
  };
}
