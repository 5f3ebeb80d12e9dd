import {
  AuditEvent,
  type Confidentiality,
  type ContentAction,
  type DocumentCategory,
  isKeeper,
  isPastRetention,
  mayServe,
  StaffRole,
} from '@dossier/domain';
import type { EntityDictionary } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { requireRole, visibleDocuments } from '../../core/access/policy.js';
import { type Context, viewerOf } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import { idOf, toGlobalId } from '../../core/graphql/global-id.js';
import { audit } from '../audit/audit.writer.js';
import { Customer } from '../customer/customer.entity.js';
import { visibleCustomer } from '../customer/customer.service.js';
import { Project } from '../project/project.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { readContent, removeContent, sha256, storeContent } from './document.content.js';
import { Document } from './document.entity.js';
import { holdsRunningLoan, liveDocument, requireArchiveWriter } from './document.lookup.js';
import { validDocumentDate, validRetention, validTitle } from './document.validation.js';
import { contentMatchesType } from './document-type.js';

/** 25 MB: a scanned contract fits; a video does not belong in the archive. */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/** What the archive keeps: PDF, images, Office documents and plain text. */
export const ACCEPTED_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'image/webp',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'text/plain',
  'text/csv',
]);

export interface FileDocumentInput {
  /** The dossier; may be left out when a project names it. */
  customerId?: string | null;
  /** Filed under this project, in its customer's dossier. */
  projectId?: string | null;
  category: DocumentCategory;
  confidentiality: Confidentiality;
  title: string;
  documentDate: string;
  /** Neither years nor a date: kept permanently. */
  retentionYears?: number | null;
  retainUntil?: string | null;
  fileName: string;
  mediaType: string;
}

async function validFile(input: FileDocumentInput, bytes: Buffer) {
  const fileName = input.fileName.trim();
  if (fileName === '' || fileName.length > 255)
    throw badInput('input.fileName', 'must be 1 to 255 characters');
  const mediaType = input.mediaType.trim().toLowerCase();
  if (!ACCEPTED_MEDIA_TYPES.has(mediaType)) {
    throw badInput('input.mediaType', 'must be a PDF, an image, an Office document or plain text');
  }
  if (bytes.length === 0) throw badInput('input.content', 'must not be empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw badInput('input.content', 'must be at most 25 MB');
  if (!(await contentMatchesType(bytes, mediaType))) {
    throw badInput('input.content', `is not a ${mediaType} file`);
  }
  return { fileName, mediaType };
}

/**
 * The dossier a document is filed in: the customer given, or the project's customer (both given: the
 * project must be the customer's). Either one invisible to the viewer does not exist for them.
 */
async function dossierOf(ctx: Context, em: EntityManager, input: FileDocumentInput) {
  if (!input.projectId) {
    if (!input.customerId) throw badInput('input.customerId', 'or input.projectId must be given');
    return { customer: await visibleCustomer(ctx, em, input.customerId, 'input.customerId'), project: null };
  }
  const projectId = input.projectId;
  const project = await em.findOne(Project, { id: idOf(projectId, 'Project', 'input.projectId') });
  const customer = project
    ? await visibleCustomer(ctx, em, toGlobalId('Customer', project.customer.id), 'input.projectId').catch(
        () => null,
      )
    : null;
  if (!project || !customer) throw notFound('Project', projectId, 'input.projectId');
  if (input.customerId && idOf(input.customerId, 'Customer', 'input.customerId') !== customer.id) {
    throw badInput('input.projectId', "must be one of the customer's projects");
  }
  return { customer, project };
}

/** Files a document with its bytes in a customer's dossier; analysts write nothing. */
export async function fileDocument(ctx: Context, input: FileDocumentInput, bytes: Buffer): Promise<Document> {
  const uploader = requireArchiveWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const { fileName, mediaType } = await validFile(input, bytes);
    const title = validTitle(input.title);
    const documentDate = validDocumentDate(ctx, input.documentDate);
    const retention = validRetention(ctx, input);
    const { customer, project } = await dossierOf(ctx, em, input);
    const document = new Document({
      customer: em.getReference(Customer, customer.id, { wrapped: true }),
      category: input.category,
      confidentiality: input.confidentiality,
      title,
      documentDate,
      fileName,
      mediaType,
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
      uploadedBy: em.getReference(Staff, uploader.id, { wrapped: true }),
    });
    document.project = project ? em.getReference(Project, project.id, { wrapped: true }) : null;
    document.retentionYears = retention.years;
    document.retainUntil = retention.until;
    await em.persist(document).flush();
    await storeContent(em, document.id, bytes);
    return document;
  });
}

export interface ServedContent {
  bytes: Buffer;
  fileName: string;
  mediaType: string;
  /** `inline` to read in place; `attachment` only where the level allows taking a copy away. */
  disposition: 'inline' | 'attachment';
}

/**
 * A document's content for viewing in place or downloading, by DOMAIN.md's levels; each serving recorded
 * in the audit log. A loan counts while granted, unreturned and before its due time on the request's clock.
 */
export async function documentContent(
  ctx: Context,
  globalId: string,
  action: ContentAction,
): Promise<ServedContent> {
  const viewer = viewerOf(ctx);
  return writeTransaction(ctx, async (em) => {
    const document = await liveDocument(ctx, em, globalId);
    const loan = await holdsRunningLoan(em, document.id, viewer.id, ctx.clock.now());
    if (!mayServe(document.confidentiality, action, { role: viewer.role, holdsRunningLoan: loan })) {
      throw forbidden(
        action === 'DOWNLOAD'
          ? 'This document may not be downloaded; view it in place or borrow it'
          : 'This document is open to the archivist and administrators only',
      );
    }
    const bytes = await readContent(em, document, ctx.log);
    if (!bytes) throw notFound('Document', globalId, 'id');
    await audit(em, {
      event: action === 'VIEW' ? AuditEvent.DOCUMENT_VIEWED : AuditEvent.DOCUMENT_DOWNLOADED,
      actorId: viewer.id,
      address: ctx.address,
      detail: { document: globalId, confidentiality: document.confidentiality, sha256: document.sha256 },
    });
    return {
      bytes,
      fileName: document.fileName,
      mediaType: document.mediaType,
      disposition: action === 'DOWNLOAD' ? 'attachment' : 'inline',
    };
  });
}

/** Documents past retention on `on` (default today), oldest first: the yearly destruction list. */
export async function documentsPastRetention(ctx: Context, on = ctx.clock.today()): Promise<Document[]> {
  const keeper = requireRole(ctx, StaffRole.ARCHIVIST, StaffRole.ADMIN);
  return documentsPastRetentionOn(ctx.em, on, (query) => visibleDocuments(query, 'd', keeper));
}

/**
 * The live documents past retention on the business day `on`, oldest first, of those `scope` keeps of
 * `document as d`: the rule of the destruction list, which the archive inspection reads too.
 */
export async function documentsPastRetentionOn(
  em: EntityManager,
  on: string,
  scope: (query: Knex.QueryBuilder) => Knex.QueryBuilder = (query) => query,
): Promise<Document[]> {
  const day = new Date(`${on}T00:00:00Z`);
  const query = em
    .getKnex()
    .queryBuilder()
    .select('d.*')
    .from('document as d')
    .whereNull('d.destroyed_at')
    .where((kept) => kept.whereNotNull('d.retention_years').orWhereNotNull('d.retain_until'))
    .orderBy(['d.document_date', 'd.id']);
  const rows = await em.execute<EntityDictionary<Document>[]>(scope(query));
  return rows
    .map((row) => em.map(Document, row))
    .filter((d) => isPastRetention(d.retention, new Date(`${d.documentDate}T00:00:00Z`), day));
}

/** Approves a past-retention document for destruction: an archivist's or an admin's decision. */
export async function approveDestruction(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
): Promise<Document> {
  const approver = requireRole(ctx, StaffRole.ARCHIVIST, StaffRole.ADMIN);
  return writeTransaction(ctx, async (em) => {
    const document = await liveDocument(ctx, em, globalId);
    expectVersion(document, expectedVersion);
    const today = new Date(`${ctx.clock.today()}T00:00:00Z`);
    if (!isPastRetention(document.retention, new Date(`${document.documentDate}T00:00:00Z`), today)) {
      throw badInput('id', 'is not past its retention period');
    }
    document.destructionApprovedBy = em.getReference(Staff, approver.id, { wrapped: true });
    document.destructionApprovedAt = ctx.clock.now();
    await audit(em, {
      event: AuditEvent.DOCUMENT_DESTRUCTION_APPROVED,
      actorId: approver.id,
      address: ctx.address,
      detail: { document: globalId, sha256: document.sha256 },
    });
    return document;
  });
}

/**
 * Destroys an approved document: the destruction record first (kept forever), then the bytes. Another
 * keeper than the approver carries it out, so no one person both decides and destroys.
 */
export async function destroyDocument(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
): Promise<Document> {
  const keeper = viewerOf(ctx);
  if (!isKeeper(keeper.role)) throw forbidden('Only the archivist or an administrator destroys documents');
  return writeTransaction(ctx, async (em) => {
    const document = await liveDocument(ctx, em, globalId);
    expectVersion(document, expectedVersion);
    const approvedBy = document.destructionApprovedBy;
    if (!approvedBy || !document.destructionApprovedAt)
      throw badInput('id', 'has no approval for destruction');
    if (approvedBy.id === keeper.id)
      throw forbidden('The approver of a destruction may not carry it out too');
    const now = ctx.clock.now();
    await em.execute(
      `insert into document_destruction (id, document_id, title, category, confidentiality, file_name, sha256,
         approved_by_id, approved_at, carried_out_by_id, destroyed_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        uuidv7(),
        document.id,
        document.title,
        document.category,
        document.confidentiality,
        document.fileName,
        document.sha256,
        approvedBy.id,
        document.destructionApprovedAt,
        keeper.id,
        now,
      ],
    );
    await removeContent(em, document.id);
    document.destroyedAt = now;
    await audit(em, {
      event: AuditEvent.DOCUMENT_DESTROYED,
      actorId: keeper.id,
      address: ctx.address,
      detail: { document: globalId, sha256: document.sha256, approvedBy: toGlobalId('Staff', approvedBy.id) },
    });
    return document;
  });
}
