import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../clock/clock.js';
import { runOnClock } from '../clock/current-clock.js';
import type { Logger } from '../logger.js';
import type { JobRuns } from '../metrics/metrics.js';
import { beatSlot, type ClaimRules, claimSlot, finishSlot, jobHistory } from './job-ledger.js';
import { CATCH_UP_LIMIT, dueSlots, slotsUpTo } from './job-slots.js';
import type { ScheduledJob } from './scheduled-job.js';

const MINUTE = 60_000;

/**
 * The defaults of the ledger's rules. A running slot's instance beats for it every quarter lease, so the
 * lease is how long a dead (or hung) instance's slot waits to be taken over, however long a live run takes;
 * for daily and monthly jobs an hour costs nothing. Failed slots are retried every ten minutes, five
 * tries in all: a database restart or a full disk gets time to be fixed, a bug does not retry forever.
 */
export const DEFAULT_CLAIM_RULES: ClaimRules = {
  leaseMs: 60 * MINUTE,
  retryAfterMs: 10 * MINUTE,
  maxAttempts: 5,
};

export interface JobRunnerOptions extends Partial<ClaimRules> {
  log: Logger;
  /** Every run of a slot is counted here by the job's name, its duration timed and its failure counted. */
  metrics: JobRuns;
  /** Names this process in the ledger's claims; default host, pid and a random tail. */
  instance?: string;
  catchUpLimit?: number;
}

export interface SlotOutcome {
  job: string;
  slot: Date;
  attempt: number;
  state: 'DONE' | 'FAILED';
  error: string | null;
}

export const instanceName = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

const describe = (error: unknown) =>
  error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);

/**
 * Stamps the attempt's heartbeat every quarter lease until the returned stop, so no other instance takes
 * over a run that is alive. A beat that fails (the database away for a moment) is logged; the next one
 * tries again.
 */
function beatWhileRunning(
  orm: MikroORM,
  clock: Clock,
  attempt: Parameters<typeof beatSlot>[1],
  leaseMs: number,
  log: Logger,
): () => void {
  const timer = setInterval(() => {
    beatSlot(orm.em.fork(), attempt, clock.now()).catch((err: unknown) =>
      log.warn({ err, job: attempt.job, slot: attempt.slot }, 'scheduled job heartbeat not recorded'),
    );
  }, leaseMs / 4);
  timer.unref();
  return () => clearInterval(timer);
}

async function runSlot(
  orm: MikroORM,
  clock: Clock,
  job: ScheduledJob,
  claimed: { slot: Date; attempt: number; instance: string },
  options: JobRunnerOptions & ClaimRules,
): Promise<SlotOutcome> {
  const { slot, attempt, instance } = claimed;
  const ledgerAttempt = { job: job.name, slot, instance, attempts: attempt };
  let error: string | null = null;
  const stopBeating = beatWhileRunning(orm, clock, ledgerAttempt, options.leaseMs, options.log);
  try {
    // Record stamps written by the job follow the injected clock, as a request's do.
    await runOnClock(clock, () => options.metrics.track(job.name, () => job.run(orm, slot, clock)));
  } catch (failure) {
    error = describe(failure);
    options.log.error({ err: failure, job: job.name, slot, attempt }, 'scheduled job failed');
  } finally {
    stopBeating();
  }
  const state = error === null ? 'DONE' : 'FAILED';
  const recorded = await finishSlot(orm.em.fork(), ledgerAttempt, { state, at: clock.now(), error });
  if (!recorded)
    options.log.warn(
      { job: job.name, slot },
      'scheduled job outlived its lease: its result was not recorded',
    );
  return { job: job.name, slot, attempt, state, error };
}

/**
 * One pass over `jobs`: for each, the slots due at the clock's now (job-slots.ts), claimed in the ledger so
 * that of the instances sharing the database exactly one runs each, run oldest first, and recorded DONE or
 * FAILED. A job whose ledger cannot be read (the database is away) is logged and the next job still runs.
 * Returns what this instance ran.
 */
export async function runDueJobs(
  orm: MikroORM,
  clock: Clock,
  jobs: readonly ScheduledJob[],
  options: JobRunnerOptions,
): Promise<SlotOutcome[]> {
  const rules = { ...DEFAULT_CLAIM_RULES, ...options };
  const instance = options.instance ?? instanceName();
  const outcomes: SlotOutcome[] = [];
  for (const job of jobs) {
    try {
      const em = orm.em.fork();
      const limit = options.catchUpLimit ?? CATCH_UP_LIMIT;
      const recent = slotsUpTo(job, clock.timeZone, clock.now(), limit);
      const history = await jobHistory(em, job.name, recent);
      for (const slot of dueSlots(job, clock.timeZone, clock.now(), history, limit)) {
        const attempt = await claimSlot(em, { job: job.name, slot, instance, now: clock.now() }, rules);
        if (attempt === null) continue;
        outcomes.push(await runSlot(orm, clock, job, { slot, attempt, instance }, rules));
      }
    } catch (err) {
      options.log.error(
        { err, job: job.name },
        'the job ledger could not be read: the job waits for the next pass',
      );
    }
  }
  return outcomes;
}

/**
 * Runs a pass at start and then every `every` ms (a minute: the finest a cron pattern names), never two
 * passes at once: a pass still running when the next is due makes that one be skipped. The returned stop
 * waits for the pass in progress, so a shutdown does not leave a slot RUNNING for the lease to expire.
 */
export function startJobs(
  orm: MikroORM,
  clock: Clock,
  jobs: readonly ScheduledJob[],
  options: JobRunnerOptions & { every?: number },
): () => Promise<void> {
  const settings = { ...options, instance: options.instance ?? instanceName() };
  let running: Promise<unknown> | null = null;
  const pass = () => {
    if (running || jobs.length === 0) return;
    running = runDueJobs(orm, clock, jobs, settings)
      .catch((err: unknown) => options.log.error({ err }, 'scheduled jobs pass failed'))
      .finally(() => {
        running = null;
      });
  };
  pass();
  const timer = setInterval(pass, options.every ?? MINUTE);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
