import type { ReminderSource } from './reminder-source.js';
import { complaintOpenSource } from './sources/complaint-open.source.js';
import { coverageGapSource } from './sources/coverage-gap.source.js';
import { creditReportExpiredSource, creditReportExpiringSource } from './sources/credit-report.source.js';
import { loanDueSource } from './sources/loan-due.source.js';
import { reviewDueSource } from './sources/review-due.source.js';
import { riskHighSource } from './sources/risk-high.source.js';

/**
 * Every source the reminder sweep asks, once per slot. The other parts of issue 14 (relationship care, the
 * weekly check, reports, archive) add theirs here.
 */
export const reminderSources: ReminderSource[] = [
  reviewDueSource,
  creditReportExpiringSource,
  creditReportExpiredSource,
  complaintOpenSource,
  loanDueSource,
  riskHighSource,
  coverageGapSource,
];
