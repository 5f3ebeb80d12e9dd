/**
 * What a person's inbox can hold (issue 14). Each kind is produced by one reminder source on the server
 * (jobs and events) and has its own translated text on the web; the values the text needs travel with the
 * item as parameters, so the wording stays in the translation files.
 */
export enum ReminderKind {
  /** A dossier's full review is due (every DOSSIER_REVIEW_INTERVAL_DAYS, default 60). */
  REVIEW_DUE = 'REVIEW_DUE',
  /** A credit report expires within 30 days. */
  CREDIT_REPORT_EXPIRING = 'CREDIT_REPORT_EXPIRING',
  /** A customer's newest credit report has expired. */
  CREDIT_REPORT_EXPIRED = 'CREDIT_REPORT_EXPIRED',
  /** A complaint open longer than the risk setting allows. */
  COMPLAINT_OPEN = 'COMPLAINT_OPEN',
  /** A borrowed confidential document is due back (or overdue). */
  LOAN_DUE = 'LOAN_DUE',
  /** A new HIGH risk signal on one of my customers. */
  RISK_HIGH = 'RISK_HIGH',
  /** One of my A customers has a coverage gap in its relationship map. */
  COVERAGE_GAP = 'COVERAGE_GAP',
  /** A key person I know (POSITIVE or NEUTRAL) has a birthday in a few days. */
  BIRTHDAY = 'BIRTHDAY',
  /** A festival the company greets customers on is a few days ahead. */
  FESTIVAL = 'FESTIVAL',
  /** A customer's founding anniversary is a few days ahead. */
  FOUNDING_ANNIVERSARY = 'FOUNDING_ANNIVERSARY',
  /** After a handover: introduce yourself to the customer's key persons. */
  HANDOVER_INTRODUCTION = 'HANDOVER_INTRODUCTION',
  /** Monday: the past week's new and changed dossiers of my reps wait for my check. */
  WEEKLY_CHECK = 'WEEKLY_CHECK',
  /** My manager sent a dossier back from the weekly check with a request. */
  WEEKLY_CHECK_RETURNED = 'WEEKLY_CHECK_RETURNED',
  /** The monthly report to the leaders is ready. */
  MONTHLY_REPORT_READY = 'MONTHLY_REPORT_READY',
  /** March and September: the half-yearly archive inspection is ready for the archivist. */
  ARCHIVE_INSPECTION = 'ARCHIVE_INSPECTION',
  /** A background job failed (admins). */
  JOB_FAILED = 'JOB_FAILED',
}

export const REMINDER_KINDS = Object.values(ReminderKind);
