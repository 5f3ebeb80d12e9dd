import { StaffRole } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { requireRole } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { idOf, toGlobalId } from '../../core/graphql/global-id.js';
import { visibleCustomer } from '../customer/customer.service.js';
import { Document } from './document.entity.js';
import { DocumentLoan } from './document-loan.entity.js';

/**
 * A document that exists, is not destroyed and is filed in a dossier the viewer may see; anything else is
 * NOT_FOUND, whoever asks, so a refusal tells nothing about what exists.
 */
export async function liveDocument(ctx: Context, em: EntityManager, globalId: string): Promise<Document> {
  const id = idOf(globalId, 'Document', 'id');
  const document = await em.findOne(Document, { id, destroyedAt: null });
  if (!document) throw notFound('Document', globalId, 'id');
  // The dossier's own NOT_FOUND would name the customer: answered as the document's instead.
  await visibleCustomer(ctx, em, toGlobalId('Customer', document.customer.id), 'id').catch(
    (error: unknown) => {
      throw error instanceof GraphQLError && error.extensions.code === 'NOT_FOUND'
        ? notFound('Document', globalId, 'id')
        : error;
    },
  );
  return document;
}

/** Whether `borrowerId` holds a granted, unreturned loan of the document that has not run out at `now`. */
export async function holdsRunningLoan(
  em: EntityManager,
  documentId: string,
  borrowerId: string,
  now: Date,
): Promise<boolean> {
  const running = await em.count(DocumentLoan, {
    document: documentId,
    borrower: borrowerId,
    refused: false,
    returnedAt: null,
    dueAt: { $gt: now },
  });
  return running > 0;
}

/** Filing and borrowing are writes: every role but the analyst, who writes nothing. */
export const requireArchiveWriter = (ctx: Context) =>
  requireRole(ctx, StaffRole.SALES_REP, StaffRole.SALES_MANAGER, StaffRole.ARCHIVIST, StaffRole.ADMIN);
