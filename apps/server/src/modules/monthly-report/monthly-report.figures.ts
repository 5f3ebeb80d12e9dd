import type { AbcClass, FeedbackCategory, RiskLevel, RiskSignal } from '@dossier/domain';

/**
 * The figures of one monthly report, as stored (monthly_report.figures, jsonb) and as every rendering reads
 * them: the PDF, the XLSX and the API's typed fields all come from this one object, so they cannot differ.
 * Money as Decimal strings, days as YYYY-MM-DD, instants as ISO strings: JSON keeps them exactly.
 */
export interface ReportFigures {
  month: string;
  /** null: the company; else the sales manager whose team (their book, as the access rules define it) it covers */
  teamManagerId: string | null;
  teamManagerName: string | null;
  /** When the sections that only exist as today's state (risk, coverage) were read: the first generation. */
  frozenAt: string;
  abc: AbcFigures;
  topCustomers: TopCustomerFigure[];
  riskCustomers: RiskCustomerFigure[];
  coverage: CoverageFigure[];
  newCustomers: CustomerFigure[];
  lostCustomers: CustomerFigure[];
  feedback: FeedbackFigures;
  satisfaction: SatisfactionFigures;
  creditReports: CreditReportFigure[];
  /** Absent from reports frozen before the section existed (their figures are never recollected). */
  weeklyCheck?: WeeklyCheckFigures;
}

export interface AbcFigures {
  /** The 12 months up to the month's last day, and the 12 months before them for the movements. */
  from: string;
  to: string;
  totalRevenue: string;
  classes: Array<{ class: AbcClass; customers: number; revenue: string; share: number }>;
  movements: Array<{ from: AbcClass | null; to: AbcClass; customers: number }>;
}

export interface CustomerFigure {
  customerId: string;
  code: string;
  name: string;
  /** New: the day the dossier was opened; lost: the day of its last order. */
  on: string | null;
}

export interface TopCustomerFigure extends CustomerFigure {
  rank: number;
  class: AbcClass;
  previousClass: AbcClass | null;
  revenue: string;
  share: number;
}

export interface RiskCustomerFigure extends CustomerFigure {
  level: RiskLevel;
  score: number;
  signals: RiskSignal[];
}

export interface CoverageFigure {
  class: AbcClass;
  customers: number;
  score0: number;
  score1: number;
  score2: number;
  score3: number;
  average: number;
}

export interface FeedbackFigures {
  /** Received in the month. */
  complaints: number;
  opinions: number;
  /** Complaints closed in the month, whenever received. */
  complaintsClosed: number;
  /** Complaints still open at the month's end. */
  complaintsOpenAtEnd: number;
  /** Complaints received in the month per category, every category, in the enum's order. */
  byCategory: Array<{ category: FeedbackCategory; complaints: number }>;
}

export interface SatisfactionFigures {
  surveys: number;
  /** Average scores (1–5) of the month's surveys, two decimals; null without surveys. */
  product: string | null;
  delivery: string | null;
  service: string | null;
  price: string | null;
}

export interface CreditReportFigure extends CustomerFigure {
  /** The newest report's last valid day; `on` is the day it was reported. */
  validUntil: string;
  /** Expired by the month's end; else it expires within 30 days after it. */
  expired: boolean;
}

/**
 * The weekly check's lists (客服部主管每周一检查) of the weeks whose Monday falls in the month, as they stood
 * when the report was first generated. A dossier counts once per week whose list holds it.
 */
export interface WeeklyCheckCounts {
  /** Dossiers on the lists. */
  total: number;
  checked: number;
  /** Sent back to the rep with a request. */
  returned: number;
  /** Without a verdict yet. */
  unchecked: number;
  /** Of the listed, those with a verdict (checked or sent back), from the counts; null without any listed. */
  completion: number | null;
}

export interface WeeklyCheckManagerFigure extends WeeklyCheckCounts {
  managerId: string;
  /** As at the report. */
  managerName: string;
}

export interface WeeklyCheckFigures {
  /** The Mondays of the weeks counted. */
  weeks: string[];
  /** Each sales manager in scope whose lists held a dossier, by name. */
  managers: WeeklyCheckManagerFigure[];
  total: WeeklyCheckCounts;
}
