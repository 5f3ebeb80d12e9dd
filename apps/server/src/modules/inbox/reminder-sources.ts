import { jobSources } from '../../core/jobs/job-failed.source.js';
import { archiveSources } from '../archive-inspection/archive-inspection.job.js';
import { type CareSettings, careSourcesOf } from '../care/care.sources.js';
import { monthlyReportSources } from '../monthly-report/monthly-report.job.js';
import { weeklyCheckSources } from '../weekly-check/weekly-check.sources.js';
import type { ReminderSource } from './reminder-source.js';
import { complaintOpenSource } from './sources/complaint-open.source.js';
import { coverageGapSource } from './sources/coverage-gap.source.js';
import { creditReportExpiredSource, creditReportExpiringSource } from './sources/credit-report.source.js';
import { loanDueSource } from './sources/loan-due.source.js';
import { reviewDueSource } from './sources/review-due.source.js';
import { riskHighSource } from './sources/risk-high.source.js';

/** The dossier's own reminders: reviews, credit reports, complaints, loans, risk and coverage. */
export const dossierSources: ReminderSource[] = [
  reviewDueSource,
  creditReportExpiringSource,
  creditReportExpiredSource,
  complaintOpenSource,
  loanDueSource,
  riskHighSource,
  coverageGapSource,
];

/**
 * Every source the reminder sweep asks, once per slot: the dossier's own reminders, relationship care, the
 * weekly check, the reports, the archive inspection and the failed jobs. Relationship care reads its
 * settings.
 */
export const reminderSourcesOf = (env: CareSettings): ReminderSource[] => [
  ...dossierSources,
  ...careSourcesOf(env),
  ...weeklyCheckSources,
  ...monthlyReportSources,
  ...archiveSources,
  ...jobSources,
];
