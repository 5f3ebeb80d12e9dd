import { ReminderKind, StaffRole } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReminderDraft, ReminderSource } from '../../modules/inbox/reminder-source.js';
import type { Clock } from '../clock/clock.js';

interface FailedSlot {
  job: string;
  slot: Date | string;
  /** The slot's time in the business time zone, as the admin reads it. */
  local: string;
  day: string;
  attempts: number;
  error: string | null;
}

/**
 * The admins' inbox learns of a failed scheduled job (issue 14): one item per active admin per failed slot
 * of the ledger (job_run) whose slot's business day has come, so a failure of the night shows on the
 * morning's sweep. Settles: once a retry succeeds, the slot is no longer FAILED and the item is marked done.
 * The text carries the job, the slot, how often it was tried and the error's first line (the log has the
 * rest); a failure the retries gave up on stays until an admin marks it done.
 */
export const jobFailedSource: ReminderSource = {
  kind: ReminderKind.JOB_FAILED,
  settles: true,
  async collect(em: EntityManager, day: string, clock: Clock): Promise<ReminderDraft[]> {
    const failed = await em.execute<FailedSlot[]>(
      `select job, slot, attempts, error,
              to_char(slot at time zone ?, 'YYYY-MM-DD HH24:MI') as local,
              to_char(slot at time zone ?, 'YYYY-MM-DD') as day
       from job_run
       where state = 'FAILED' and (slot at time zone ?)::date <= ?::date
       order by slot, job`,
      [clock.timeZone, clock.timeZone, clock.timeZone, day],
    );
    if (failed.length === 0) return [];
    const admins = await em.execute<Array<{ id: string }>>(
      'select id from staff where role = ? and active order by id',
      [StaffRole.ADMIN],
    );
    return admins.flatMap((admin) =>
      failed.map((run) => ({
        kind: ReminderKind.JOB_FAILED,
        recipientId: String(admin.id),
        key: `${run.job}:${new Date(run.slot).toISOString()}`,
        customerId: null,
        dueOn: run.day,
        params: {
          job: run.job,
          slot: run.local,
          attempts: run.attempts,
          error: run.error?.split('\n')[0] ?? '',
        },
        link: '/inbox',
      })),
    );
  },
};

/** The reminder sources of core/jobs, for the inbox's sweep to register. */
export const jobSources: ReminderSource[] = [jobFailedSource];
