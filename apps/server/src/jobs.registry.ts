import type { Env } from './core/env.js';
import type { ScheduledJob } from './core/jobs/scheduled-job.js';
import type { Logger } from './core/logger.js';
import { createMailer } from './core/mail/smtp-mailer.js';
import type { MailFailures } from './core/metrics/metrics.js';
import { archiveInspectionJob } from './modules/archive-inspection/archive-inspection.job.js';
import { inboxMailJob } from './modules/inbox/inbox-mail.job.js';
import { reminderSourcesOf } from './modules/inbox/reminder-sources.js';
import { remindersJobOf } from './modules/inbox/reminders.job.js';
import { monthlyReportJob } from './modules/monthly-report/monthly-report.job.js';

/**
 * Every scheduled job the server runs (core/jobs/job-runner.ts): each slot once across the instances
 * sharing the database, caught up after downtime. A feature exports its ScheduledJob and is listed here;
 * the `name` is the job's key in the ledger (job_run) and its `job` label in the metrics, so it never
 * changes once released. The reminder sources the hourly sweep asks are listed in
 * modules/inbox/reminder-sources.ts. `failures`: where refused reminder mails are counted (the metrics).
 */
export function scheduledJobsFor(env: Env, log: Logger, failures?: MailFailures): readonly ScheduledJob[] {
  if ((env.DOSSIER_JOBS ?? (env.NODE_ENV === 'test' ? 'off' : 'on')) === 'off') return [];
  const mailer = createMailer(env);
  const jobs = [remindersJobOf(reminderSourcesOf(env)), monthlyReportJob, archiveInspectionJob];
  // The inbox mail job only where SMTP is configured.
  return mailer ? [...jobs, inboxMailJob(mailer, { log, failures }, env.DOSSIER_PUBLIC_URL)] : jobs;
}
