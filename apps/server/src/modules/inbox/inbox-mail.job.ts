import { InboxItemState, type ReminderKind } from '@dossier/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import type { ScheduledJob } from '../../core/jobs/scheduled-job.js';
import type { Logger } from '../../core/logger.js';
import type { Mailer } from '../../core/mail/mailer.js';
import type { MailFailures } from '../../core/metrics/metrics.js';
import { reminderMail } from './reminder-mail.text.js';

/** Mails sent per run at most: a first run after a long outage spreads over the following minutes. */
export const MAILS_PER_RUN = 200;

interface Unmailed {
  id: string;
  kind: ReminderKind;
  params: Record<string, string | number>;
  link: string;
  email: string;
}

/** Where the mail job reports: the log, and the metrics that count refused sends. */
export interface MailReporting {
  log: Logger;
  failures?: MailFailures;
}

/**
 * Mails each open item not mailed yet to its recipient (while they work here), then stamps it mailed. A
 * refused send is logged, counted and the item left for the next run; the stamp is per item, so one bad
 * address does not hold the others back. A run is no failure of the job: an SMTP server down for an hour
 * shows as a climbing count on /metrics, not as sixty failed slots in the admins' inbox.
 */
export async function mailReminders(
  orm: MikroORM,
  mailer: Mailer,
  now: Date,
  { log, failures }: MailReporting,
  publicUrl?: URL,
): Promise<number> {
  const em = orm.em.fork();
  const items = await em.execute<Unmailed[]>(
    `select i.id, i.kind, i.params, i.link, s.email from inbox_item i
     join staff s on s.id = i.recipient_id and s.active
     where i.state = '${InboxItemState.OPEN}' and i.mailed_at is null
     order by i.created_at, i.id limit ?`,
    [MAILS_PER_RUN],
  );
  let sent = 0;
  for (const item of items) {
    try {
      await mailer.send({ to: item.email, ...reminderMail(item.kind, item.params, item.link, publicUrl) });
    } catch (err) {
      log.warn({ err, item: item.id, kind: item.kind }, 'reminder mail not sent; retried next run');
      failures?.countMailFailure();
      continue;
    }
    await em.execute('update inbox_item set mailed_at = ? where id = ? and mailed_at is null', [
      now,
      item.id,
    ]);
    sent += 1;
  }
  return sent;
}

/** Every minute, the reminders not mailed yet; after downtime one run catches up on all of them. */
export function inboxMailJob(
  mailer: Mailer,
  reporting: MailReporting = { log: pino({ level: 'warn' }) },
  publicUrl?: URL,
): ScheduledJob {
  return {
    name: 'inbox_mail',
    cron: '* * * * *',
    catchUp: 'latest',
    run: async (orm, _slot, clock) => {
      await mailReminders(orm, mailer, clock.now(), reporting, publicUrl);
    },
  };
}
