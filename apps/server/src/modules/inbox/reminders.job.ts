import type { MikroORM } from '@mikro-orm/postgresql';
import { runAs } from '../../core/audit/actor.js';
import { type Clock, localDateAt } from '../../core/clock/clock.js';
import { runOnClock } from '../../core/clock/current-clock.js';
import type { ScheduledJob } from '../../core/jobs/scheduled-job.js';
import { deliverReminders, wakeSnoozed } from './inbox.sweep.js';
import type { ReminderSource } from './reminder-source.js';

/**
 * Asks every source for the slot's business day and writes what they answer in one transaction: a slot
 * either delivered all its reminders or none (and is retried). Stamps read `clock`, as a request's do.
 */
export async function sweepReminders(
  orm: MikroORM,
  slot: Date,
  clock: Clock,
  sources: readonly ReminderSource[],
): Promise<void> {
  const day = localDateAt(slot, clock.timeZone);
  await runOnClock(clock, () =>
    runAs(null, () =>
      orm.em.fork().transactional(async (em) => {
        for (const source of sources) {
          await deliverReminders(em, source, await source.collect(em, day, clock), day);
        }
        // Items of kinds no source sweeps (put there by events) come back from snoozing too.
        await wakeSnoozed(em, day);
      }),
    ),
  );
}

/** The hourly reminder sweep; after downtime only the newest slot runs, as it finds everything still due. */
export const remindersJobOf = (sources: readonly ReminderSource[]): ScheduledJob => ({
  name: 'reminders',
  cron: '0 * * * *',
  catchUp: 'latest',
  run: (orm, slot, clock) => sweepReminders(orm, slot, clock, sources),
});
