import {
  AuditEvent,
  isKeeper,
  type LoanTerms,
  loanDueAt,
  loanTerms,
  mayApprove,
  StaffRole,
} from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireRole } from '../../core/access/policy.js';
import { type Context, viewerOf } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import { idOf, toGlobalId } from '../../core/graphql/global-id.js';
import { audit } from '../audit/audit.writer.js';
import { Staff } from '../staff/staff.entity.js';
import { Document } from './document.entity.js';
import { readableLoan } from './document.loaders.js';
import { liveDocument, requireArchiveWriter } from './document.lookup.js';
import { DocumentLoan } from './document-loan.entity.js';

const recordLoan = (
  ctx: Context,
  em: EntityManager,
  event: AuditEvent,
  loan: DocumentLoan,
  actorId: string,
) =>
  audit(em, {
    event,
    actorId,
    subjectId: loan.borrower.id,
    address: ctx.address,
    detail: { loan: toGlobalId('DocumentLoan', loan.id), document: toGlobalId('Document', loan.document.id) },
  });

function grant(ctx: Context, loan: DocumentLoan, terms: LoanTerms & { lendable: true }) {
  loan.grantedAt = ctx.clock.now();
  loan.dueAt = loanDueAt(terms, loan.grantedAt, loan.hours);
}

/**
 * Asks to borrow a document for `hours` (default and cap: the level's maximum). An INTERNAL document
 * that is not a core secret is lent on registration, at once; everything else waits for its approver.
 */
export async function requestLoan(
  ctx: Context,
  documentId: string,
  hours?: number | null,
): Promise<DocumentLoan> {
  const borrower = requireArchiveWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const document = await liveDocument(ctx, em, documentId);
    const terms = loanTerms(document.confidentiality, document.category);
    if (!terms.lendable) throw forbidden(`Not lent: ${terms.reason}`);
    const wanted = hours ?? terms.maxHours;
    if (!Number.isInteger(wanted) || wanted < 1 || wanted > terms.maxHours) {
      throw badInput('hours', `must be a whole number from 1 to ${terms.maxHours}`);
    }
    const loan = new DocumentLoan(
      em.getReference(Document, document.id, { wrapped: true }),
      em.getReference(Staff, borrower.id, { wrapped: true }),
      terms.approval,
      wanted,
    );
    if (terms.approval === 'REGISTRATION') grant(ctx, loan, terms);
    em.persist(loan);
    await recordLoan(ctx, em, AuditEvent.DOCUMENT_LOAN_REQUESTED, loan, borrower.id);
    if (loan.grantedAt) await recordLoan(ctx, em, AuditEvent.DOCUMENT_LOAN_GRANTED, loan, borrower.id);
    return loan;
  });
}

async function loanOf(em: EntityManager, globalId: string): Promise<DocumentLoan> {
  const loan = await em.findOne(
    DocumentLoan,
    { id: idOf(globalId, 'DocumentLoan', 'id') },
    { populate: ['document'] },
  );
  if (!loan || loan.document.getEntity().destroyedAt) throw notFound('DocumentLoan', globalId, 'id');
  return loan;
}

/** The approver's place on the borrower's reporting line (the `staff_line` view). */
async function approverOf(em: EntityManager, approver: Staff, borrowerId: string) {
  const [line] = await em.execute<Array<{ manages: boolean }>>(
    'select exists (select 1 from staff_line where manager_id = ? and staff_id = ?) as manages',
    [approver.id, borrowerId],
  );
  return {
    role: approver.role,
    managesBorrower: line?.manages === true,
    isTopOfLine: approver.manager === null,
  };
}

/**
 * Grants or refuses a requested loan. The department head is a manager above the borrower; the sales head,
 * for core secrets, a sales manager at the top of the line; keepers decide either. Nobody approves their
 * own loan.
 */
export async function decideLoan(
  ctx: Context,
  globalId: string,
  approve: boolean,
  expectedVersion: number,
): Promise<DocumentLoan> {
  const approver = requireRole(ctx, StaffRole.SALES_MANAGER, StaffRole.ARCHIVIST, StaffRole.ADMIN);
  return writeTransaction(ctx, async (em) => {
    const loan = await loanOf(em, globalId);
    // A loan the approver may not read (another line's, or of a dossier outside their book) does not exist
    // for them: deciding it, or being told why not, would tell that it does.
    if (!(await readableLoan(ctx, loan.id))) throw notFound('DocumentLoan', globalId, 'id');
    expectVersion(loan, expectedVersion);
    if (loan.decidedBy || loan.grantedAt) throw badInput('id', 'has been decided already');
    if (loan.borrower.id === approver.id) throw forbidden('Nobody approves their own loan');
    const self = await em.findOneOrFail(Staff, approver.id);
    if (!mayApprove(loan.approval, await approverOf(em, self, loan.borrower.id))) {
      throw forbidden(
        loan.approval === 'SALES_HEAD'
          ? 'A core secret is lent on the sales head’s approval'
          : 'A confidential document is lent on the department head’s approval',
      );
    }
    loan.decidedBy = em.getReference(Staff, approver.id, { wrapped: true });
    if (approve) {
      const document = loan.document.getEntity();
      const terms = loanTerms(document.confidentiality, document.category);
      if (!terms.lendable) throw forbidden(`Not lent: ${terms.reason}`);
      grant(ctx, loan, terms);
    } else {
      loan.refused = true;
    }
    await recordLoan(
      ctx,
      em,
      approve ? AuditEvent.DOCUMENT_LOAN_GRANTED : AuditEvent.DOCUMENT_LOAN_REFUSED,
      loan,
      approver.id,
    );
    return loan;
  });
}

/** Returns a granted loan: the borrower or a keeper registers it. */
export async function returnLoan(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
): Promise<DocumentLoan> {
  const viewer = viewerOf(ctx);
  return writeTransaction(ctx, async (em) => {
    const loan = await loanOf(em, globalId);
    if (loan.borrower.id !== viewer.id && !isKeeper(viewer.role))
      throw notFound('DocumentLoan', globalId, 'id');
    expectVersion(loan, expectedVersion);
    if (!loan.grantedAt || loan.returnedAt) throw badInput('id', 'is not out on loan');
    loan.returnedAt = ctx.clock.now();
    await recordLoan(ctx, em, AuditEvent.DOCUMENT_LOAN_RETURNED, loan, viewer.id);
    return loan;
  });
}
