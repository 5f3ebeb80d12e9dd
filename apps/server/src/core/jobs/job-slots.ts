import { Cron } from 'croner';
import type { ScheduledJob } from './scheduled-job.js';

/**
 * How many missed slots a catch-up 'all' job runs after downtime at most, newest kept: two years of a
 * monthly report, a day of an hourly job. Beyond that the ledger is not a backlog to replay.
 */
export const CATCH_UP_LIMIT = 24;

/** The ledger's view of one job: its first recorded slot and what it holds for the slots asked about. */
export interface JobHistory {
  /** The oldest slot the ledger holds for the job (its first pass), or null before its first pass. */
  firstSlot: Date | null;
  /** Slots recorded DONE, as epoch milliseconds. */
  done: ReadonlySet<number>;
}

/** The times of `job`'s pattern at or before `now`, newest first, at most `limit` (business time zone). */
export function slotsUpTo(job: Pick<ScheduledJob, 'cron'>, timeZone: string, now: Date, limit: number) {
  const cron = new Cron(job.cron, { timezone: timeZone, paused: true });
  // previousRuns looks strictly before its reference, in whole seconds: a slot falling exactly on `now`
  // is due now, so it looks from the next second and drops what lies after `now`.
  return cron
    .previousRuns(limit + 1, new Date(now.getTime() + 1000))
    .filter((slot) => slot.getTime() <= now.getTime())
    .slice(0, limit);
}

/**
 * The slots of `job` a pass at `now` should run, oldest first, before looking at claims.
 *
 * - 'latest': the newest slot at or before now, unless it is done; the slots it supersedes are not run
 *   (one reminder sweep covers what an older one would have found), failed ones included.
 * - 'all': every slot not done among the newest CATCH_UP_LIMIT at or before now, but none older than the
 *   job's first recorded slot.
 *
 * The floor of a job the ledger has never seen is its newest slot: a first start (a new installation, a
 * newly added job) runs today's slot and does not replay the pattern from the epoch, so a report job added
 * in June does not produce every report since the company was founded. From then on the ledger remembers
 * where the job started, and downtime after it is caught up.
 */
export function dueSlots(
  job: Pick<ScheduledJob, 'cron' | 'catchUp'>,
  timeZone: string,
  now: Date,
  history: JobHistory,
  limit = CATCH_UP_LIMIT,
): Date[] {
  const recent = slotsUpTo(job, timeZone, now, job.catchUp === 'all' ? limit : 1);
  const newest = recent[0];
  if (!newest) return [];
  const floor = history.firstSlot?.getTime() ?? newest.getTime();
  return recent.filter((slot) => slot.getTime() >= floor && !history.done.has(slot.getTime())).reverse();
}
