import { ArchiveFindingKind, LoanStatus, retentionEndsAt } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock/clock.js';
import { documentsPastRetentionOn } from '../document/document.service.js';
import { STATUS_SQL } from '../document/loan-register.query.js';

/** What a finding records of its document (and loan) as found: the checklist reads as generated. */
export interface FindingDetails {
  title: string;
  level: string;
  category: string;
  documentDate: string;
  /** DESTRUCTION_PENDING: the first day past retention; null for a destruction approved otherwise. */
  retentionEndedOn?: string | null;
  /** DESTRUCTION_PENDING: when its destruction was approved; null while nobody approved it. */
  destructionApprovedAt?: string | null;
  /** LOAN_OVERDUE: who holds it and when it was due back. */
  borrower?: string;
  dueAt?: string;
}

export interface Finding {
  kind: ArchiveFindingKind;
  documentId: string;
  customerId: string;
  details: FindingDetails;
}

interface DocumentRow {
  id: string;
  customer_id: string;
  title: string;
  confidentiality: string;
  category: string;
  document_date: string;
}

const DOCUMENT_COLUMNS = [
  'd.id',
  'd.customer_id',
  'd.title',
  'd.confidentiality',
  'd.category',
  "to_char(d.document_date, 'YYYY-MM-DD') as document_date",
];

const basics = (row: DocumentRow) => ({
  title: row.title,
  level: row.confidentiality,
  category: row.category,
  documentDate: row.document_date,
});

/** Live documents with neither years nor a date of retention: permanent by default, to be confirmed. */
async function withoutRetention(em: EntityManager): Promise<Finding[]> {
  const rows = await em.execute<DocumentRow[]>(
    `select ${DOCUMENT_COLUMNS.join(', ')} from document d
      where d.destroyed_at is null and d.retention_years is null and d.retain_until is null
      order by d.document_date, d.id`,
  );
  return rows.map((row) => ({
    kind: ArchiveFindingKind.NO_RETENTION,
    documentId: row.id,
    customerId: row.customer_id,
    details: basics(row),
  }));
}

/** Loans of live documents that have EXPIRED at `now` by the loan register's own status rule. */
async function overdueLoans(em: EntityManager, now: Date): Promise<Finding[]> {
  const rows = await em.execute<Array<DocumentRow & { borrower: string; due_at: Date }>>(
    `select ${DOCUMENT_COLUMNS.join(', ')}, s.name as borrower, l.due_at
       from document_loan l join document d on d.id = l.document_id join staff s on s.id = l.borrower_id
      where d.destroyed_at is null and (${STATUS_SQL[LoanStatus.EXPIRED]})
      order by l.due_at, l.id`,
    [now],
  );
  return rows.map((row) => ({
    kind: ArchiveFindingKind.LOAN_OVERDUE,
    documentId: row.id,
    customerId: row.customer_id,
    details: { ...basics(row), borrower: row.borrower, dueAt: new Date(row.due_at).toISOString() },
  }));
}

/**
 * Live documents past retention on `day` (the destruction list's rule), and any approved for destruction
 * that nobody carried out yet: both wait for a keeper.
 */
async function destructionsPending(em: EntityManager, day: string): Promise<Finding[]> {
  const past = await documentsPastRetentionOn(em, day);
  const listed = new Set(past.map((document) => document.id));
  const approved = (
    await em.execute<Array<DocumentRow & { destruction_approved_at: Date }>>(
      `select ${DOCUMENT_COLUMNS.join(', ')}, d.destruction_approved_at from document d
        where d.destroyed_at is null and d.destruction_approved_at is not null
        order by d.document_date, d.id`,
    )
  ).filter((row) => !listed.has(row.id));
  return [
    ...past.map((document) => {
      const ends = retentionEndsAt(document.retention, new Date(`${document.documentDate}T00:00:00Z`));
      return {
        kind: ArchiveFindingKind.DESTRUCTION_PENDING,
        documentId: document.id,
        customerId: document.customer.id,
        details: {
          title: document.title,
          level: document.confidentiality,
          category: document.category,
          documentDate: document.documentDate,
          retentionEndedOn: ends ? ends.toISOString().slice(0, 10) : null,
          destructionApprovedAt: document.destructionApprovedAt?.toISOString() ?? null,
        },
      };
    }),
    ...approved.map((row) => ({
      kind: ArchiveFindingKind.DESTRUCTION_PENDING,
      documentId: row.id,
      customerId: row.customer_id,
      details: {
        ...basics(row),
        retentionEndedOn: null,
        destructionApprovedAt: new Date(row.destruction_approved_at).toISOString(),
      },
    })),
  ];
}

/** Everything the document rules flag on the clock's instant and business day: an inspection's findings. */
export async function archiveFindings(em: EntityManager, clock: Clock): Promise<Finding[]> {
  return [
    ...(await withoutRetention(em)),
    ...(await overdueLoans(em, clock.now())),
    ...(await destructionsPending(em, clock.today())),
  ];
}
