import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../core/logger.js';
import { refreshRiskIfStale } from '../risk/risk.refresh.js';
import { refreshAbcSnapshotIfStale } from './abc.snapshot.js';

const HOUR = 3_600_000;

/**
 * Keeps Customer.abc on "the 12 months up to today": the period moves with the calendar, and then the risk
 * assessments (Customer.risk) on that snapshot and the calendar (days past due). Checks at start,
 * in the background (a million customers take a while) and every hour, one run at a time; the returned
 * stop waits for a run in progress.
 */
export function startAbcSchedule(orm: MikroORM, log: Logger, every = HOUR): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running
      .then(async () => {
        const started = Date.now();
        if (await refreshAbcSnapshotIfStale(orm.em.fork())) {
          log.info({ ms: Date.now() - started }, 'ABC snapshot refreshed');
        }
      })
      .catch((err: unknown) => log.error({ err }, 'ABC snapshot refresh failed'))
      // The risk rules read the classes: their assessments follow the snapshot they were just given.
      .then(() => refreshRiskIfStale(orm.em.fork(), log))
      .catch((err: unknown) => log.error({ err }, 'risk refresh failed'));
  };
  run();
  const timer = setInterval(run, every);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
