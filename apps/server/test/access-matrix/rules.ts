import { isKeeper, mayHoldApiTokens, StaffRole } from '@dossier/domain';
import { type GraphQLSchema, getNamedType, isObjectType } from 'graphql';

/**
 * The access matrix's rule table: every root field of the schema has a kind, every kind an expected outcome
 * per role. Written from the README's "Who sees what", not from the resolvers, so the matrix checks the code
 * against the rules rather than against itself.
 */
export type Kind =
  /** Reads dossiers: the viewer's book (reps, managers) or every dossier (the other roles). */
  | 'dossier-read'
  /** Counts, sums and ranks over dossiers: scoped like the dossiers they count. */
  | 'analytics'
  /** The staff directory: everyone reads it. */
  | 'staff-read'
  /** The company-wide list of competitors: everyone who reads dossiers reads it. */
  | 'competitor-list'
  /** Keeping that list: sales managers and administrators. */
  | 'competitor-list-write'
  /** The viewer's own account. */
  | 'own-account'
  /** The viewer's personal API tokens: analysts and admins hold them. */
  | 'api-tokens'
  /** Revoking a token: one's own, or an admin anyone's. */
  | 'api-token-revoke'
  /** The audit log and the backups' state: administrators only. */
  | 'admin-read'
  /** Changes an existing dossier row. */
  | 'dossier-write'
  /** Opens a new dossier (no existing target). */
  | 'dossier-create'
  /** Records a staff member's relationship to a key person. */
  | 'relationship-write'
  /** Hands a whole book over. */
  | 'handover'
  /** Bulk import of customers, key persons, orders. */
  | 'import'
  /** Creates, changes and deactivates staff. */
  | 'staff-admin'
  /** Signs in or out: public. */
  | 'session'
  /**
   * The customer's own sheet (issue 13): public, no session; the secret of a link a rep sent is the only
   * credential, and it opens that customer's sheet fields and nothing else. Without a live secret every
   * caller, whatever their role, gets NOT_FOUND, and nothing is written.
   */
  | 'customer-sheet'
  /** The installation's settings every client needs (e.g. the business time zone): everyone reads them. */
  | 'settings'
  /**
   * The archive's keepers' lists (past retention, destruction records) and changes to a document's metadata
   * or its destruction: archivists and admins. (What each level lets a role do with the content has its own
   * tests, issue 10 acceptance 2; here: whose documents a role reaches at all.)
   */
  | 'keeper'
  /** The loan register: keepers read every loan, a manager their staff's too, anyone else their own. */
  | 'loan-register'
  /** Borrowing a document: everyone who files and borrows (all but analysts), of a dossier they read. */
  | 'document-borrow'
  /** Deciding a loan: keepers any, a sales manager those of a dossier they read (by its level's approver). */
  | 'loan-decide'
  /** Returning a loan: the borrower or a keeper. */
  | 'loan-return'
  /**
   * The weekly check (issue 14): a sales manager checks the dossiers their reps changed (their team's), an
   * admin anyone's; reps, analysts and archivists give no verdict and read no list.
   */
  | 'weekly-check'
  /** The verdicts sent back: the sales line reads those on its book, admins all; analysts and archivists none. */
  | 'weekly-check-returns'
  /**
   * The monthly reports to the leaders (issue 14): admins and analysts read every one, a sales manager
   * their team's and those of the managers below them (never the company's or another line's: hidden),
   * reps and archivists none.
   */
  | 'monthly-reports'
  /**
   * One report by month and scope: as 'monthly-reports', but null until it is generated, and the matrix's
   * world generates none, so no role can be shown to "see" it here (monthly-report.test.ts shows they do).
   */
  | 'monthly-report-lookup'
  /** Generating a report: admins any; a sales manager only their own line's teams (never the company's). */
  | 'monthly-report-generate';

export const ROOT_KINDS: Readonly<Record<string, Kind>> = {
  // queries
  abcClassification: 'analytics',
  apiTokens: 'api-tokens',
  archiveInspection: 'keeper',
  archiveInspections: 'keeper',
  auditLog: 'admin-read',
  backupStatus: 'admin-read',
  businessTimeZone: 'settings',
  document: 'dossier-read',
  documentDestructions: 'keeper',
  documentsPastRetention: 'keeper',
  loanRegister: 'loan-register',
  changes: 'dossier-read',
  competitors: 'competitor-list',
  competitorShareOfWallet: 'analytics',
  coverageSummary: 'analytics',
  customer: 'dossier-read',
  customers: 'dossier-read',
  keyPerson: 'dossier-read',
  keyPersons: 'dossier-read',
  inbox: 'own-account',
  inboxCounts: 'own-account',
  me: 'own-account',
  monthlyReport: 'monthly-report-lookup',
  monthlyReports: 'monthly-reports',
  node: 'dossier-read',
  orders: 'dossier-read',
  project: 'dossier-read',
  projects: 'dossier-read',
  relationships: 'dossier-read',
  riskCustomers: 'analytics',
  riskSummary: 'analytics',
  salesComposition: 'analytics',
  sheetByToken: 'customer-sheet',
  satisfactionSummary: 'analytics',
  staffMembers: 'staff-read',
  teamSummary: 'analytics',
  returnedDossiers: 'weekly-check-returns',
  weeklyCheck: 'weekly-check',
  // mutations
  checkDossier: 'weekly-check',
  returnDossier: 'weekly-check',
  addKeyPerson: 'dossier-write',
  addPlaceholder: 'dossier-write',
  addProjectEvent: 'dossier-write',
  approveDocumentDestruction: 'keeper',
  assignDecisionRole: 'dossier-write',
  assignFeedbackHandler: 'dossier-write',
  checkArchiveInspectionFinding: 'keeper',
  closeFeedback: 'dossier-write',
  createApiToken: 'api-tokens',
  createCompetitor: 'competitor-list-write',
  createCustomer: 'dossier-create',
  createCustomerSheetLink: 'dossier-write',
  createProject: 'dossier-write',
  createStaff: 'staff-admin',
  deactivateStaff: 'staff-admin',
  decideDocumentLoan: 'loan-decide',
  deleteSatisfactionSurvey: 'dossier-write',
  generateMonthlyReport: 'monthly-report-generate',
  destroyDocument: 'keeper',
  generateArchiveInspection: 'keeper',
  importRecords: 'import',
  login: 'session',
  logout: 'session',
  markCustomerReviewed: 'dossier-write',
  markInboxItemDone: 'own-account',
  recordCreditReport: 'dossier-write',
  recordCustomerCompetitor: 'dossier-write',
  recordFeedback: 'dossier-write',
  recordPayment: 'dossier-write',
  recordReturn: 'dossier-write',
  recordSatisfactionSurvey: 'dossier-write',
  removeCustomerCompetitor: 'dossier-write',
  removeDecisionRole: 'dossier-write',
  reopenFeedback: 'dossier-write',
  reopenInboxItem: 'own-account',
  requestDocumentLoan: 'document-borrow',
  resetStaffPassword: 'staff-admin',
  returnDocumentLoan: 'loan-return',
  revokeApiToken: 'api-token-revoke',
  revokeCustomerSheetLink: 'dossier-write',
  reviewCustomerSheet: 'dossier-write',
  setRelationshipState: 'relationship-write',
  setStaffManager: 'staff-admin',
  setStaffRole: 'staff-admin',
  snoozeInboxItem: 'own-account',
  submitCustomerSheet: 'customer-sheet',
  transferCustomers: 'handover',
  updateCompetitor: 'competitor-list-write',
  updateCustomer: 'dossier-write',
  updateCustomerCompetitor: 'dossier-write',
  updateDecisionRole: 'dossier-write',
  updateDocument: 'keeper',
  updateFeedbackHandling: 'dossier-write',
  updateKeyPerson: 'dossier-write',
  updateProject: 'dossier-write',
  updateProjectEvent: 'dossier-write',
  updateSatisfactionSurvey: 'dossier-write',
};

export const ROLES = [
  StaffRole.SALES_REP,
  StaffRole.SALES_MANAGER,
  StaffRole.ANALYST,
  StaffRole.ARCHIVIST,
  StaffRole.ADMIN,
] as const;

/**
 * What a role gets from a root field when the data is someone else's (another rep's customer, outside the
 * viewer's line): `sees` it, finds it `hidden` (null or absent, as if it did not exist), or is `refused`.
 */
export type Outcome = 'sees' | 'hidden' | 'refused';

const { SALES_REP: REP, SALES_MANAGER: MANAGER, ANALYST, ADMIN } = StaffRole;

const byRole = (outcome: (role: StaffRole) => Outcome) =>
  Object.fromEntries(ROLES.map((role) => [role, outcome(role)])) as Record<StaffRole, Outcome>;

const SALES_LINE = new Set<StaffRole>([REP, MANAGER]);
const DOSSIER_WRITERS = new Set<StaffRole>([REP, MANAGER, ADMIN]);
const READS_REPORTS = new Set<StaffRole>([MANAGER, ANALYST, ADMIN]);

export const OTHERS_DATA: Readonly<Record<Kind, Record<StaffRole, Outcome>>> = {
  'dossier-read': byRole((role) => (SALES_LINE.has(role) ? 'hidden' : 'sees')),
  analytics: byRole((role) => (SALES_LINE.has(role) ? 'hidden' : 'sees')),
  'staff-read': byRole(() => 'sees'),
  'competitor-list': byRole(() => 'sees'),
  'competitor-list-write': byRole((role) => (role === ADMIN || role === MANAGER ? 'sees' : 'refused')),
  'own-account': byRole(() => 'hidden'),
  // Someone else's token is not listed; a role without tokens is refused outright.
  'api-tokens': byRole((role) => (mayHoldApiTokens(role) ? 'sees' : 'refused')),
  'api-token-revoke': byRole((role) => (role === ADMIN ? 'sees' : 'hidden')),
  'admin-read': byRole((role) => (role === ADMIN ? 'sees' : 'refused')),
  // A write to a row the viewer cannot see is NOT_FOUND (hidden), a reader role's FORBIDDEN (refused).
  'dossier-write': byRole((role) => (role === ADMIN ? 'sees' : SALES_LINE.has(role) ? 'hidden' : 'refused')),
  'dossier-create': byRole((role) => (DOSSIER_WRITERS.has(role) ? 'sees' : 'refused')),
  'relationship-write': byRole((role) =>
    role === ADMIN ? 'sees' : SALES_LINE.has(role) ? 'hidden' : 'refused',
  ),
  handover: byRole((role) => (role === ADMIN ? 'sees' : 'refused')),
  import: byRole((role) => (role === ADMIN ? 'sees' : 'refused')),
  'staff-admin': byRole((role) => (role === ADMIN ? 'sees' : 'refused')),
  session: byRole(() => 'sees'),
  // Staff get no more of it than anyone without the link's secret.
  'customer-sheet': byRole(() => 'hidden'),
  settings: byRole(() => 'sees'),
  keeper: byRole((role) => (isKeeper(role) ? 'sees' : 'refused')),
  'loan-register': byRole((role) => (isKeeper(role) ? 'sees' : 'hidden')),
  'document-borrow': byRole((role) => (isKeeper(role) ? 'sees' : role === ANALYST ? 'refused' : 'hidden')),
  'loan-decide': byRole((role) => (isKeeper(role) ? 'sees' : role === MANAGER ? 'hidden' : 'refused')),
  'loan-return': byRole((role) => (isKeeper(role) ? 'sees' : 'hidden')),
  'weekly-check': byRole((role) => (role === ADMIN ? 'sees' : role === MANAGER ? 'hidden' : 'refused')),
  'weekly-check-returns': byRole((role) =>
    role === ADMIN ? 'sees' : SALES_LINE.has(role) ? 'hidden' : 'refused',
  ),
  'monthly-reports': byRole((role) =>
    role === ADMIN || role === ANALYST ? 'sees' : role === MANAGER ? 'hidden' : 'refused',
  ),
  'monthly-report-lookup': byRole((role) => (READS_REPORTS.has(role) ? 'hidden' : 'refused')),
  // The matrix aims at the company's report (no team named): a manager is refused it, as is everyone else.
  'monthly-report-generate': byRole((role) => (role === ADMIN ? 'sees' : 'refused')),
};

/** Kinds of write a rep or a manager makes in their own book: the allow half of the sales line's denies. */
export const OWN_BOOK_WRITES: ReadonlySet<Kind> = new Set([
  'dossier-write',
  'relationship-write',
  'document-borrow',
]);

/** Whether the role changes dossiers in its own book (the allow half of every dossier write). */
export const writesOwnBook = (role: StaffRole) => DOSSIER_WRITERS.has(role);

/**
 * Fields whose names look like personal data, each classified: `personal` ones (key persons' phones, e-mail
 * and every part of the profile) only the owner's line and admins read; the others are not about a private
 * person (a company's switchboard, a staff member's work e-mail, the address a request came from).
 */
export const NAMED_LIKE_PERSONAL: Readonly<Record<string, 'personal' | 'not personal'>> = {
  'KeyPerson.mobile': 'personal',
  'KeyPerson.officePhone': 'personal',
  'KeyPerson.email': 'personal',
  'KeyPerson.profile': 'personal',
  'KeyPerson.personalDataVisible': 'not personal',
  'Customer.phone': 'not personal',
  'Customer.address': 'not personal',
  'Staff.email': 'not personal',
  'AuditEntry.email': 'not personal',
  'AuditEntry.address': 'not personal',
};

const LOOKS_PERSONAL = /phone|mobile|mail|profile|family|birth|wechat|address|personal|interest|hobb|home/i;

/** Fields the table does not classify: root fields without a kind, personal-looking fields without a verdict. */
export function unclassified(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const profile = profileType(schema);
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const name of Object.keys(root?.getFields() ?? {})) {
      if (!ROOT_KINDS[name]) missing.push(`${root?.name}.${name} has no kind`);
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    // Everything inside the profile is personal with it.
    if (type.name === profile) continue;
    for (const field of Object.keys(type.getFields())) {
      const key = `${type.name}.${field}`;
      if (LOOKS_PERSONAL.test(field) && !NAMED_LIKE_PERSONAL[key]) missing.push(`${key} looks personal`);
    }
  }
  return missing;
}

function profileType(schema: GraphQLSchema): string {
  const keyPerson = schema.getType('KeyPerson');
  if (!isObjectType(keyPerson)) throw new Error('the schema has no KeyPerson');
  const profile = keyPerson.getFields().profile;
  if (!profile) throw new Error('KeyPerson has no profile');
  return getNamedType(profile.type).name;
}
