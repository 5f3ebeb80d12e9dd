import { StaffRole } from '@dossier/domain';
import type { EntityDictionary } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireRole, visibleDocuments } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { Document } from './document.entity.js';
import { DocumentLoan } from './document-loan.entity.js';

/**
 * A document that exists, is not destroyed and is one the viewer may see (the policy's one rule), locked
 * for the rest of the transaction; anything else is NOT_FOUND, whoever asks, so a refusal tells nothing
 * about what exists.
 */
export async function liveDocument(ctx: Context, em: EntityManager, globalId: string): Promise<Document> {
  const id = idOf(globalId, 'Document', 'id');
  const viewer = ctx.viewer;
  if (!viewer) throw notFound('Document', globalId, 'id');
  const query = em
    .getKnex()
    .queryBuilder()
    .select('d.*')
    .from('document as d')
    .where('d.id', id)
    .whereNull('d.destroyed_at')
    .forUpdate();
  const [row] = await em.execute<EntityDictionary<Document>[]>(visibleDocuments(query, 'd', viewer));
  if (!row) throw notFound('Document', globalId, 'id');
  return em.map(Document, row);
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
