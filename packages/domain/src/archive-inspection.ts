import type { LabelTable } from './labels.js';

// The half-yearly archive inspection (issue 14): in March and September the archivist goes through a
// checklist of what the document rules (documents.ts) flag, and ticks each finding as checked.

/** What an inspection finding is about; the server's GraphQL enum of the same name. */
export enum ArchiveFindingKind {
  /** Neither years nor a date of retention were given: kept permanently by default, to be confirmed. */
  NO_RETENTION = 'NO_RETENTION',
  /** A loan granted, not returned and past its due time (loanStatus EXPIRED). */
  LOAN_OVERDUE = 'LOAN_OVERDUE',
  /** Past retention and not destroyed: destruction to approve, or approved and not carried out. */
  DESTRUCTION_PENDING = 'DESTRUCTION_PENDING',
}

export const ARCHIVE_FINDING_KINDS = Object.values(ArchiveFindingKind);

export const archiveFindingKindLabels: LabelTable<ArchiveFindingKind> = {
  [ArchiveFindingKind.NO_RETENTION]: { 'zh-CN': '未定保管期限', en: 'No retention period' },
  [ArchiveFindingKind.LOAN_OVERDUE]: { 'zh-CN': '借阅逾期未还', en: 'Loan overdue' },
  [ArchiveFindingKind.DESTRUCTION_PENDING]: { 'zh-CN': '待销毁', en: 'Destruction pending' },
};

/** An inspection's period: the year and its month, March or September ('2027-03', '2027-09'). */
const PERIOD = /^(\d{4})-(03|09)$/;

export const isInspectionPeriod = (value: string): boolean => PERIOD.test(value);

/**
 * The inspection period a business day (YYYY-MM-DD) falls in: from 1 March the year's March inspection,
 * from 1 September its September one, before March still the previous year's September one.
 */
export function inspectionPeriodOf(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month >= 9) return `${year}-09`;
  if (month >= 3) return `${year}-03`;
  return `${year - 1}-09`;
}

/** The first business day of a period: when its inspection is due. */
export const inspectionPeriodStart = (period: string): string => `${period}-01`;
