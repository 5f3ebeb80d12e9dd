import { StaffRole } from './enums.js';
import type { LabelTable } from './labels.js';

// The rules of the documents archive (DOMAIN.md, "Confidentiality and borrowing" and "Retention and
// destruction"), pure so the server, the web app and the table tests read the same ones.

export enum DocumentCategory {
  CONTRACT = 'CONTRACT',
  LICENCE = 'LICENCE',
  PROPOSAL = 'PROPOSAL',
  PRICE_LIST = 'PRICE_LIST',
  LETTER = 'LETTER',
  MINUTES = 'MINUTES',
  CREDIT_REPORT = 'CREDIT_REPORT',
  DOSSIER = 'DOSSIER',
  PROJECT_RECORD = 'PROJECT_RECORD',
}

/** From the most to the least protected; the order is the regulation's. */
export enum Confidentiality {
  TOP_SECRET = 'TOP_SECRET',
  SECRET = 'SECRET',
  CONFIDENTIAL = 'CONFIDENTIAL',
  INTERNAL = 'INTERNAL',
}

export const documentCategoryLabels: LabelTable<DocumentCategory> = {
  [DocumentCategory.CONTRACT]: { 'zh-CN': '合同', en: 'Contract' },
  [DocumentCategory.LICENCE]: { 'zh-CN': '资质证照', en: 'Licence' },
  [DocumentCategory.PROPOSAL]: { 'zh-CN': '方案建议书', en: 'Proposal' },
  [DocumentCategory.PRICE_LIST]: { 'zh-CN': '报价单', en: 'Price list' },
  [DocumentCategory.LETTER]: { 'zh-CN': '往来函件', en: 'Letter' },
  [DocumentCategory.MINUTES]: { 'zh-CN': '会议纪要', en: 'Minutes' },
  [DocumentCategory.CREDIT_REPORT]: { 'zh-CN': '资信报告', en: 'Credit report' },
  [DocumentCategory.DOSSIER]: { 'zh-CN': '客户档案', en: 'Customer dossier' },
  [DocumentCategory.PROJECT_RECORD]: { 'zh-CN': '项目档案', en: 'Project record' },
};

export const confidentialityLabels: LabelTable<Confidentiality> = {
  [Confidentiality.TOP_SECRET]: { 'zh-CN': '绝密', en: 'Top secret' },
  [Confidentiality.SECRET]: { 'zh-CN': '机密', en: 'Secret' },
  [Confidentiality.CONFIDENTIAL]: { 'zh-CN': '秘密', en: 'Confidential' },
  [Confidentiality.INTERNAL]: { 'zh-CN': '一般', en: 'Internal' },
};

/** Contracts, customer dossiers and project records are the company's core secrets (核心机密). */
const coreSecrets: ReadonlySet<DocumentCategory> = new Set([
  DocumentCategory.CONTRACT,
  DocumentCategory.DOSSIER,
  DocumentCategory.PROJECT_RECORD,
]);

/** The archive's keepers: they open every level in place, approve and destroy. */
const keepers: ReadonlySet<StaffRole> = new Set([StaffRole.ARCHIVIST, StaffRole.ADMIN]);

export const isKeeper = (role: StaffRole): boolean => keepers.has(role);

/**
 * Who must approve a loan. The department head (部门负责人) is a manager above the borrower on the staff
 * line; the sales head (销售负责人) is a SALES_MANAGER with no manager above, the top of the sales line.
 * Keepers approve either, as the archive's custodians. REGISTRATION needs nobody: the loan is granted
 * when it is registered.
 */
export type LoanApproval = 'REGISTRATION' | 'DEPARTMENT_HEAD' | 'SALES_HEAD';

export type LoanTerms =
  | { lendable: false; reason: string }
  | { lendable: true; approval: LoanApproval; maxHours: number };

const HOUR_MS = 3_600_000;

/** What lending a document of this level and category takes (DOMAIN.md's table). */
export function loanTerms(level: Confidentiality, category: DocumentCategory): LoanTerms {
  switch (level) {
    case Confidentiality.TOP_SECRET:
      return { lendable: false, reason: 'a top-secret document is never lent' };
    case Confidentiality.SECRET:
      return { lendable: false, reason: 'a secret document is read in place only' };
    case Confidentiality.CONFIDENTIAL:
      return {
        lendable: true,
        approval: coreSecrets.has(category) ? 'SALES_HEAD' : 'DEPARTMENT_HEAD',
        maxHours: 4,
      };
    case Confidentiality.INTERNAL:
      return {
        lendable: true,
        approval: coreSecrets.has(category) ? 'SALES_HEAD' : 'REGISTRATION',
        maxHours: 48,
      };
  }
}

/** When a loan granted at `grantedAt` for `hours` (capped at the level's maximum) runs out. */
export function loanDueAt(
  terms: LoanTerms & { lendable: true },
  grantedAt: Date,
  hours = terms.maxHours,
): Date {
  return new Date(grantedAt.getTime() + Math.min(hours, terms.maxHours) * HOUR_MS);
}

/** The approver's place relative to the borrower, from the staff line. */
export interface Approver {
  role: StaffRole;
  /** The approver is a manager above the borrower (transitively). */
  managesBorrower: boolean;
  /** The approver has no manager: the head of the line. */
  isTopOfLine: boolean;
}

export function mayApprove(approval: LoanApproval, approver: Approver): boolean {
  if (approval === 'REGISTRATION') return false;
  if (isKeeper(approver.role)) return true;
  if (approver.role !== StaffRole.SALES_MANAGER) return false;
  return approval === 'DEPARTMENT_HEAD' ? approver.managesBorrower : approver.isTopOfLine;
}

export type ContentAction = 'VIEW' | 'DOWNLOAD';

/**
 * Whether the content may be served, and how. Keepers view every level in place; TOP_SECRET only them;
 * SECRET is viewable by anyone who may see the dossier, inline only; CONFIDENTIAL and INTERNAL are
 * downloaded on a running loan (keepers download them without one). Nothing above CONFIDENTIAL is ever
 * served as an attachment.
 */
export function mayServe(
  level: Confidentiality,
  action: ContentAction,
  viewer: { role: StaffRole; holdsRunningLoan: boolean },
): boolean {
  const keeper = isKeeper(viewer.role);
  switch (level) {
    case Confidentiality.TOP_SECRET:
      return action === 'VIEW' && keeper;
    case Confidentiality.SECRET:
      return action === 'VIEW';
    case Confidentiality.CONFIDENTIAL:
    case Confidentiality.INTERNAL:
      return keeper || viewer.holdsRunningLoan;
  }
}

/** Retention (保管期限): a number of years from the document's date, or until a date, or permanent. */
export type Retention = { years: number } | { until: Date } | 'PERMANENT';

/** The first instant the document is past retention, or null when it is kept forever. */
export function retentionEndsAt(retention: Retention, documentDate: Date): Date | null {
  if (retention === 'PERMANENT') return null;
  if ('until' in retention) return retention.until;
  const end = new Date(documentDate);
  end.setUTCFullYear(end.getUTCFullYear() + retention.years);
  return end;
}

export function isPastRetention(retention: Retention, documentDate: Date, on: Date): boolean {
  const end = retentionEndsAt(retention, documentDate);
  return end !== null && end.getTime() <= on.getTime();
}

/** Retention in years: short ≤ 15, long 15–50 (DOMAIN.md); beyond 50 it is permanent. */
export function retentionYearsProblem(years: number): string | null {
  if (!Number.isInteger(years) || years < 1) return 'must be a whole number of years, at least 1';
  if (years > 50) return 'must be at most 50 years; longer is permanent';
  return null;
}

/** Where a loan stands in the register (借阅状态). */
export enum LoanStatus {
  REQUESTED = 'REQUESTED',
  REFUSED = 'REFUSED',
  ON_LOAN = 'ON_LOAN',
  EXPIRED = 'EXPIRED',
  RETURNED = 'RETURNED',
}

export const loanStatusLabels: LabelTable<LoanStatus> = {
  [LoanStatus.REQUESTED]: { 'zh-CN': '待审批', en: 'Awaiting approval' },
  [LoanStatus.REFUSED]: { 'zh-CN': '已拒绝', en: 'Refused' },
  [LoanStatus.ON_LOAN]: { 'zh-CN': '借阅中', en: 'On loan' },
  [LoanStatus.EXPIRED]: { 'zh-CN': '已到期', en: 'Expired' },
  [LoanStatus.RETURNED]: { 'zh-CN': '已归还', en: 'Returned' },
};

export const loanApprovalLabels: LabelTable<LoanApproval> = {
  REGISTRATION: { 'zh-CN': '登记即借', en: 'On registration' },
  DEPARTMENT_HEAD: { 'zh-CN': '部门负责人审批', en: "Department head's approval" },
  SALES_HEAD: { 'zh-CN': '销售负责人审批', en: "Sales head's approval" },
};

/**
 * A loan's status at `now`: a grant expires by itself at its due time (no job has to run), and a return
 * ends it for good, even when it came late.
 */
export function loanStatus(
  loan: { refused: boolean; grantedAt: Date | null; dueAt: Date | null; returnedAt: Date | null },
  now: Date,
): LoanStatus {
  if (loan.refused) return LoanStatus.REFUSED;
  if (loan.returnedAt) return LoanStatus.RETURNED;
  if (!loan.grantedAt || !loan.dueAt) return LoanStatus.REQUESTED;
  return loan.dueAt.getTime() > now.getTime() ? LoanStatus.ON_LOAN : LoanStatus.EXPIRED;
}

/** What the viewer may do with a document right now, for the screens to offer only that. */
export interface DocumentActions {
  view: boolean;
  download: boolean;
  borrow: boolean;
  approveDestruction: boolean;
  destroy: boolean;
}

/**
 * The document's actions for one viewer, from the same rules the server enforces: serving by level and
 * loan, borrowing when lendable and nothing is asked or out already (analysts write nothing), destruction
 * approved by a keeper once past retention and carried out by another keeper.
 */
export function documentActions(
  document: {
    level: Confidentiality;
    category: DocumentCategory;
    pastRetention: boolean;
    destructionApprovedBy: string | null;
  },
  viewer: { id: string; role: StaffRole; holdsRunningLoan: boolean; awaitsApproval: boolean },
): DocumentActions {
  const keeper = isKeeper(viewer.role);
  return {
    view: mayServe(document.level, 'VIEW', viewer),
    download: mayServe(document.level, 'DOWNLOAD', viewer),
    borrow:
      viewer.role !== StaffRole.ANALYST &&
      loanTerms(document.level, document.category).lendable &&
      !viewer.holdsRunningLoan &&
      !viewer.awaitsApproval,
    approveDestruction: keeper && document.pastRetention && document.destructionApprovedBy === null,
    destroy:
      keeper && document.destructionApprovedBy !== null && document.destructionApprovedBy !== viewer.id,
  };
}
