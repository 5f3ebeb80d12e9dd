import type { AuditEvent } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';

export interface AuditRecord {
  event: AuditEvent;
  actorId?: string | null;
  subjectId?: string | null;
  email?: string | null;
  address?: string | null;
  /** What else tells the story (a token's name, a role before and after); never a secret. */
  detail?: Record<string, unknown>;
}

/**
 * The one writer of the audit log. Inside a write transaction the entry commits or rolls back with the
 * change it records; a refused sign-in, which writes nothing else, is recorded on its own.
 * The time is the database's: like sessions, the log is about real time, never a business clock. The id is
 * time-ordered (UUIDv7, monotonic in this process), so entries of the same millisecond list in the order
 * they happened.
 */
export async function audit(em: EntityManager, record: AuditRecord): Promise<void> {
  await auditAll(em, [record]);
}

/** Several entries in one statement (e.g. every profile a response showed), in the order given. */
export async function auditAll(em: EntityManager, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await em.execute(
    `insert into audit_log (id, event, actor_id, subject_id, email, address, detail) values ${records
      .map(() => '(?, ?, ?, ?, ?, ?, ?)')
      .join(', ')}`,
    records.flatMap((record) => [
      uuidv7(),
      record.event,
      record.actorId ?? null,
      record.subjectId ?? null,
      record.email ?? null,
      record.address ?? null,
      JSON.stringify(record.detail ?? {}),
    ]),
  );
}
