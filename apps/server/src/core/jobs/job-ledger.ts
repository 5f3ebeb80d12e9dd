import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobHistory } from './job-slots.js';

export type JobState = 'RUNNING' | 'DONE' | 'FAILED';

/** When a claimed slot may be claimed again: the ledger's rules, the same for every instance. */
export interface ClaimRules {
  /**
   * A RUNNING claim whose instance has not beaten for it this long (job-runner.ts beats four times per
   * lease while the run lasts) belongs to an instance that died or hangs: it may be taken over.
   */
  leaseMs: number;
  /** A FAILED slot is tried again only this long after its last try ended. */
  retryAfterMs: number;
  /** A slot that failed this many times stays FAILED (the admins' inbox holds it). */
  maxAttempts: number;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** What the ledger holds for `job` among `slots`, and the job's first recorded slot. */
export async function jobHistory(em: EntityManager, job: string, slots: Date[]): Promise<JobHistory> {
  const [first] = await em.execute<Array<{ slot: Date | string | null }>>(
    'select min(slot) as slot from job_run where job = ?',
    [job],
  );
  if (!first?.slot || slots.length === 0)
    return { firstSlot: first?.slot ? toDate(first.slot) : null, done: new Set() };
  const rows = await em.execute<Array<{ slot: Date | string }>>(
    `select slot from job_run where job = ? and state = 'DONE' and slot = any(?::timestamptz[])`,
    // One array literal: knex would spread a JavaScript array into a list of parameters.
    [job, `{${slots.map((slot) => slot.toISOString()).join(',')}}`],
  );
  return { firstSlot: toDate(first.slot), done: new Set(rows.map((row) => toDate(row.slot).getTime())) };
}

/**
 * Claims `slot` of `job` for `instance`, in one statement: the unique (job, slot) lets exactly one of the
 * instances racing for a new slot insert it; the others land on the conflict and take it over only when it
 * failed long enough ago (a retry) or its RUNNING claim had no heartbeat for a lease (its instance died). PostgreSQL
 * re-reads the row under its lock before the update's condition, so two instances never both take over.
 * Returns the attempt number, or null when another instance has the slot or it is done.
 */
export async function claimSlot(
  em: EntityManager,
  claim: { job: string; slot: Date; instance: string; now: Date },
  rules: ClaimRules,
): Promise<number | null> {
  const { job, slot, instance, now } = claim;
  const rows = await em.execute<Array<{ attempts: number }>>(
    `insert into job_run (job, slot, state, attempts, instance, started_at)
     values (?, ?, 'RUNNING', 1, ?, ?)
     on conflict (job, slot) do update
       set state = 'RUNNING', attempts = job_run.attempts + 1, instance = excluded.instance,
           started_at = excluded.started_at, heartbeat_at = null, finished_at = null, error = null
       where (job_run.state = 'FAILED' and job_run.attempts < ? and job_run.finished_at <= ?)
          or (job_run.state = 'RUNNING' and coalesce(job_run.heartbeat_at, job_run.started_at) <= ?)
     returning attempts`,
    [
      job,
      slot,
      instance,
      now,
      rules.maxAttempts,
      new Date(now.getTime() - rules.retryAfterMs),
      new Date(now.getTime() - rules.leaseMs),
    ],
  );
  return rows[0]?.attempts ?? null;
}

/** The claimed attempt is still running at `at`: its lease starts again from there. */
export async function beatSlot(
  em: EntityManager,
  attempt: { job: string; slot: Date; instance: string; attempts: number },
  at: Date,
): Promise<void> {
  await em.execute(
    `update job_run set heartbeat_at = ?
     where job = ? and slot = ? and instance = ? and attempts = ? and state = 'RUNNING'`,
    [at, attempt.job, attempt.slot, attempt.instance, attempt.attempts],
  );
}

/**
 * Records how the claimed attempt ended. Only the claim's own attempt is updated: an instance that outlived
 * its lease and was taken over does not overwrite the newer attempt. Returns whether it recorded anything.
 */
export async function finishSlot(
  em: EntityManager,
  attempt: { job: string; slot: Date; instance: string; attempts: number },
  outcome: { state: Exclude<JobState, 'RUNNING'>; at: Date; error: string | null },
): Promise<boolean> {
  const rows = await em.execute<Array<{ id: string }>>(
    `update job_run set state = ?, finished_at = ?, error = ?
     where job = ? and slot = ? and instance = ? and attempts = ? and state = 'RUNNING'
     returning id`,
    [outcome.state, outcome.at, outcome.error, attempt.job, attempt.slot, attempt.instance, attempt.attempts],
  );
  return rows.length > 0;
}
