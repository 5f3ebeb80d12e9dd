import { jobSources } from '../../core/jobs/job-failed.source.js';
import { archiveSources } from '../archive-inspection/archive-inspection.job.js';
import { weeklyCheckSources } from '../weekly-check/weekly-check.sources.js';
import type { ReminderSource } from './reminder-source.js';
import { complaintOpenSource } from './sources/complaint-open.source.js';
import { coverageGapSource } from './sources/coverage-gap.source.js';
import { creditReportExpiredSource, creditReportExpiringSource } from './sources/credit-report.source.js';
import { loanDueSource } from './sources/loan-due.source.js';
import { reviewDueSource } from './sources/review-due.source.js';
import { riskHighSource } from './sources/risk-high.source.js';

/**
 * Every source the reminder sweep asks, once per slot: the dossier's own reminders, relationship care, the
 * weekly check, the reports, the archive inspection and the failed jobs.
 */
export const reminderSources: ReminderSource[] = [
  reviewDueSource,
  creditReportExpiringSource,
  creditReportExpiredSource,
  complaintOpenSource,
  loanDueSource,
  riskHighSource,
  coverageGapSource,
  ...weeklyCheckSources,
  ...archiveSources,
  ...jobSources,
];
