import { describe, expect, it } from 'vitest';
import {
  Confidentiality,
  DocumentCategory,
  documentActions,
  isPastRetention,
  LoanStatus,
  loanDueAt,
  loanStatus,
  loanTerms,
  mayApprove,
  mayServe,
  retentionEndsAt,
  retentionYearsProblem,
} from './documents.js';
import { StaffRole } from './enums.js';

const { TOP_SECRET, SECRET, CONFIDENTIAL, INTERNAL } = Confidentiality;
const { SALES_REP, SALES_MANAGER, ANALYST, ARCHIVIST, ADMIN } = StaffRole;

describe('loanTerms', () => {
  it.each([
    [TOP_SECRET, DocumentCategory.LETTER, { lendable: false, reason: 'a top-secret document is never lent' }],
    [
      SECRET,
      DocumentCategory.PRICE_LIST,
      { lendable: false, reason: 'a secret document is read in place only' },
    ],
    [CONFIDENTIAL, DocumentCategory.PROPOSAL, { lendable: true, approval: 'DEPARTMENT_HEAD', maxHours: 4 }],
    [CONFIDENTIAL, DocumentCategory.CONTRACT, { lendable: true, approval: 'SALES_HEAD', maxHours: 4 }],
    [INTERNAL, DocumentCategory.MINUTES, { lendable: true, approval: 'REGISTRATION', maxHours: 48 }],
    [INTERNAL, DocumentCategory.DOSSIER, { lendable: true, approval: 'SALES_HEAD', maxHours: 48 }],
    [INTERNAL, DocumentCategory.PROJECT_RECORD, { lendable: true, approval: 'SALES_HEAD', maxHours: 48 }],
  ])('%s %s → %o', (level, category, terms) => {
    expect(loanTerms(level, category)).toEqual(terms);
  });
});

describe('loanDueAt', () => {
  const grantedAt = new Date('2026-03-02T09:00:00Z');
  const confidential = loanTerms(CONFIDENTIAL, DocumentCategory.LETTER);
  const internal = loanTerms(INTERNAL, DocumentCategory.LETTER);
  if (!confidential.lendable || !internal.lendable) throw new Error('both levels are lendable');

  it.each([
    ['a confidential loan runs 4 hours', confidential, undefined, '2026-03-02T13:00:00.000Z'],
    ['a shorter one is kept', confidential, 1, '2026-03-02T10:00:00.000Z'],
    ['a longer one is capped at 4 hours', confidential, 24, '2026-03-02T13:00:00.000Z'],
    ['an internal loan runs 2 days', internal, undefined, '2026-03-04T09:00:00.000Z'],
  ])('%s', (_case, terms, hours, due) => {
    expect(loanDueAt(terms, grantedAt, hours).toISOString()).toBe(due);
  });
});

describe('mayApprove', () => {
  const line = (role: StaffRole, managesBorrower: boolean, isTopOfLine: boolean) => ({
    role,
    managesBorrower,
    isTopOfLine,
  });

  it.each([
    ['the borrower’s manager, department head', 'DEPARTMENT_HEAD', line(SALES_MANAGER, true, false), true],
    ['a manager of another team', 'DEPARTMENT_HEAD', line(SALES_MANAGER, false, false), false],
    [
      'the head of the line, not above the borrower',
      'DEPARTMENT_HEAD',
      line(SALES_MANAGER, false, true),
      false,
    ],
    ['the head of the line, sales head', 'SALES_HEAD', line(SALES_MANAGER, true, true), true],
    ['the borrower’s manager below the head', 'SALES_HEAD', line(SALES_MANAGER, true, false), false],
    ['an archivist, department head', 'DEPARTMENT_HEAD', line(ARCHIVIST, false, true), true],
    ['an admin, sales head', 'SALES_HEAD', line(ADMIN, false, true), true],
    ['a rep above nobody', 'DEPARTMENT_HEAD', line(SALES_REP, false, false), false],
    ['an analyst at the top', 'SALES_HEAD', line(ANALYST, false, true), false],
    ['anybody, for a registration', 'REGISTRATION', line(ADMIN, true, true), false],
  ] as const)('%s (%s) → %s', (_case, approval, approver, allowed) => {
    expect(mayApprove(approval, approver)).toBe(allowed);
  });
});

describe('mayServe: level × role × action', () => {
  const roles = [SALES_REP, SALES_MANAGER, ANALYST, ARCHIVIST, ADMIN];
  const keepers = new Set([ARCHIVIST, ADMIN]);
  const cases = roles.flatMap((role) =>
    [false, true].flatMap(
      (holdsRunningLoan) =>
        [
          [TOP_SECRET, role, holdsRunningLoan, 'VIEW', keepers.has(role)],
          [TOP_SECRET, role, holdsRunningLoan, 'DOWNLOAD', false],
          [SECRET, role, holdsRunningLoan, 'VIEW', true],
          [SECRET, role, holdsRunningLoan, 'DOWNLOAD', false],
          [CONFIDENTIAL, role, holdsRunningLoan, 'VIEW', keepers.has(role) || holdsRunningLoan],
          [CONFIDENTIAL, role, holdsRunningLoan, 'DOWNLOAD', keepers.has(role) || holdsRunningLoan],
          [INTERNAL, role, holdsRunningLoan, 'DOWNLOAD', keepers.has(role) || holdsRunningLoan],
        ] as const,
    ),
  );

  it.each(cases)('%s, %s, loan %s, %s → %s', (level, role, holdsRunningLoan, action, allowed) => {
    expect(mayServe(level, action, { role, holdsRunningLoan })).toBe(allowed);
  });

  it('never serves a top-secret or secret file as a download, whoever asks', () => {
    const downloads = cases.filter(
      ([level, , , action]) => action === 'DOWNLOAD' && (level === TOP_SECRET || level === SECRET),
    );
    expect(downloads.length).toBe(20);
    expect(
      downloads.every(
        ([level, role, holdsRunningLoan]) => !mayServe(level, 'DOWNLOAD', { role, holdsRunningLoan }),
      ),
    ).toBe(true);
  });
});

describe('retention', () => {
  const signed = new Date('2016-02-29T00:00:00Z');

  it.each([
    ['10 years from a leap day', { years: 10 }, '2026-03-01T00:00:00.000Z'],
    ['until a date', { until: new Date('2030-12-31T00:00:00Z') }, '2030-12-31T00:00:00.000Z'],
    ['permanent', 'PERMANENT' as const, null],
  ])('%s ends %s', (_case, retention, end) => {
    expect(retentionEndsAt(retention, signed)?.toISOString() ?? null).toBe(end);
  });

  it.each([
    ['the day before the end', '2026-02-28T23:59:59Z', false],
    ['the end itself', '2026-03-01T00:00:00Z', true],
    ['years later', '2040-01-01T00:00:00Z', true],
  ])('10 years: %s → past %s', (_case, on, past) => {
    expect(isPastRetention({ years: 10 }, signed, new Date(on))).toBe(past);
  });

  it('never puts a permanent document past retention', () => {
    expect(isPastRetention('PERMANENT', signed, new Date('2999-01-01T00:00:00Z'))).toBe(false);
  });

  it.each([
    [1, null],
    [15, null],
    [50, null],
    [0, 'must be a whole number of years, at least 1'],
    [2.5, 'must be a whole number of years, at least 1'],
    [51, 'must be at most 50 years; longer is permanent'],
  ])('%s years → %s', (years, problem) => {
    expect(retentionYearsProblem(years)).toBe(problem);
  });
});

describe('loanStatus', () => {
  const now = new Date('2026-03-02T13:00:00Z');
  const granted = new Date('2026-03-02T09:00:00Z');
  const open = { refused: false, grantedAt: null, dueAt: null, returnedAt: null };
  it.each([
    ['requested', open, LoanStatus.REQUESTED],
    ['refused', { ...open, refused: true }, LoanStatus.REFUSED],
    [
      'due in a minute',
      { ...open, grantedAt: granted, dueAt: new Date('2026-03-02T13:01:00Z') },
      LoanStatus.ON_LOAN,
    ],
    ['due right now', { ...open, grantedAt: granted, dueAt: now }, LoanStatus.EXPIRED],
    [
      'returned late',
      { ...open, grantedAt: granted, dueAt: new Date('2026-03-02T11:00:00Z'), returnedAt: now },
      LoanStatus.RETURNED,
    ],
  ])('%s → %s', (_case, loan, status) => {
    expect(loanStatus(loan, now)).toBe(status);
  });
});

describe('documentActions', () => {
  const document = {
    level: INTERNAL,
    category: DocumentCategory.MINUTES,
    pastRetention: false,
    destructionApprovedBy: null,
  };
  const viewer = { id: 'me', role: SALES_REP, holdsRunningLoan: false, awaitsApproval: false };
  const none = { view: false, download: false, borrow: false, approveDestruction: false, destroy: false };
  it.each([
    ['a rep, INTERNAL, no loan', document, viewer, { ...none, borrow: true }],
    [
      'a rep on a running loan',
      document,
      { ...viewer, holdsRunningLoan: true },
      { ...none, view: true, download: true },
    ],
    ['a rep awaiting approval', document, { ...viewer, awaitsApproval: true }, none],
    ['an analyst', document, { ...viewer, role: ANALYST }, none],
    ['a rep, SECRET', { ...document, level: SECRET }, viewer, { ...none, view: true }],
    [
      'an archivist, TOP_SECRET',
      { ...document, level: TOP_SECRET },
      { ...viewer, role: ARCHIVIST },
      { ...none, view: true },
    ],
    [
      'an admin, past retention',
      { ...document, pastRetention: true },
      { ...viewer, role: ADMIN },
      { ...none, view: true, download: true, borrow: true, approveDestruction: true },
    ],
    [
      'the approving archivist',
      { ...document, pastRetention: true, destructionApprovedBy: 'me' },
      { ...viewer, role: ARCHIVIST },
      { ...none, view: true, download: true, borrow: true },
    ],
    [
      'another keeper after approval',
      { ...document, pastRetention: true, destructionApprovedBy: 'someone' },
      { ...viewer, role: ADMIN },
      { ...none, view: true, download: true, borrow: true, destroy: true },
    ],
    [
      'a manager after approval',
      { ...document, destructionApprovedBy: 'someone' },
      { ...viewer, role: SALES_MANAGER },
      { ...none, borrow: true },
    ],
  ])('%s', (_case, doc, who, actions) => {
    expect(documentActions(doc, who)).toEqual(actions);
  });
});
