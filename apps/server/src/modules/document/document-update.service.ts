import { StaffRole } from '@dossier/domain';
import { requireRole } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { notNull } from '../../core/validation.js';
import type { Document } from './document.entity.js';
import { liveDocument } from './document.lookup.js';
import { validDocumentDate, validRetention, validTitle } from './document.validation.js';
import type { UpdateDocumentInput } from './inputs/update-document.input.js';

/**
 * Changes a live document's metadata: the archive's keepers classify, so they alone change a level or a
 * retention. A new retention withdraws an approved destruction, which was decided on the old one.
 */
export async function updateDocument(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
  input: UpdateDocumentInput,
): Promise<Document> {
  requireRole(ctx, StaffRole.ARCHIVIST, StaffRole.ADMIN);
  return writeTransaction(ctx, async (em) => {
    const document = await liveDocument(ctx, em, globalId);
    expectVersion(document, expectedVersion);
    if (input.title !== undefined) document.title = validTitle(notNull('input.title', input.title));
    if (input.category !== undefined) document.category = notNull('input.category', input.category);
    if (input.level !== undefined) document.confidentiality = notNull('input.level', input.level);
    if (input.documentDate !== undefined) {
      document.documentDate = validDocumentDate(ctx, notNull('input.documentDate', input.documentDate));
    }
    if (input.retentionYears !== undefined || input.retainUntil !== undefined) {
      const retention = validRetention(ctx, input);
      document.retentionYears = retention.years;
      document.retainUntil = retention.until;
      document.destructionApprovedBy = null;
      document.destructionApprovedAt = null;
    }
    return document;
  });
}
