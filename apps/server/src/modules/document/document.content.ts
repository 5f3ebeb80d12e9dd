import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../core/logger.js';

/** The SHA-256 of some bytes, in lowercase hex as the document keeps it. */
export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The stored bytes no longer match the checksum taken at upload. Never served: the caller answers with an
 * error and the archivist restores the file from a verified backup.
 */
export class ContentCorruptError extends Error {
  constructor(readonly documentId: string) {
    super(`The content of document ${documentId} does not match its SHA-256 checksum`);
  }
}

/** Stores a document's bytes (why in PostgreSQL: see the documents migration). */
export async function storeContent(em: EntityManager, documentId: string, bytes: Buffer): Promise<void> {
  await em.execute('insert into document_content (document_id, bytes) values (?, ?)', [documentId, bytes]);
}

/**
 * A document's bytes, verified against the checksum taken at upload on every read; null when there are
 * none (destroyed). A mismatch is logged and refused, never served.
 */
export async function readContent(
  em: EntityManager,
  document: { id: string; sha256: string },
  log: Logger,
): Promise<Buffer | null> {
  const [row] = await em.execute<{ bytes: Buffer }[]>(
    'select bytes from document_content where document_id = ?',
    [document.id],
  );
  if (!row) return null;
  if (sha256(row.bytes) !== document.sha256) {
    log.error({ documentId: document.id }, 'document content does not match its SHA-256 checksum');
    throw new ContentCorruptError(document.id);
  }
  return row.bytes;
}

/** Removes a document's bytes for good (destruction); true when there were bytes to remove. */
export async function removeContent(em: EntityManager, documentId: string): Promise<boolean> {
  const removed = await em.execute<{ affectedRows: number }>(
    'delete from document_content where document_id = ?',
    [documentId],
    'run',
  );
  return removed.affectedRows === 1;
}
