import { isKeeper } from '@dossier/domain';
import type { EntityDictionary } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { visibleDocuments } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { alignMany, alignOne, byIdLoader, type LoaderFactory } from '../../core/loaders.js';
import { newestFirstLoaders } from '../../core/pagination/newest-first.js';
import { Document } from './document.entity.js';
import { DocumentDestruction } from './document-destruction.entity.js';
import { DocumentLoan } from './document-loan.entity.js';

const documentList = {
  entity: Document,
  table: 'document',
  timeColumn: 'created_at',
  timeOf: (document: Document) => document.createdAt,
  hiddenOnceSet: 'destroyed_at',
};

/** A customer's live documents, newest filed first. */
export const documentsOfCustomer = newestFirstLoaders({ ...documentList, parentColumn: 'customer_id' });

/** A project's live documents, newest filed first. */
export const documentsOfProject = newestFirstLoaders({ ...documentList, parentColumn: 'project_id' });

/** Live documents the viewer may see, by id: one statement per batch, through the policy's one rule. */
export const documentById: LoaderFactory<DataLoader<string, Document | null>> = (em, viewer) =>
  new DataLoader(async (ids) => {
    if (!viewer) return ids.map(() => null);
    const query = em
      .getKnex()
      .queryBuilder()
      .select('d.*')
      .from('document as d')
      .whereIn('d.id', [...ids])
      .whereNull('d.destroyed_at');
    const rows = await em.execute<EntityDictionary<Document>[]>(visibleDocuments(query, 'd', viewer));
    return alignOne(
      ids,
      rows.map((row) => em.map(Document, row)),
      (document) => document.id,
    );
  });

/** The viewer's own loans of many documents that are neither refused nor returned (asked or out). */
export const openLoansOfViewer: LoaderFactory<DataLoader<string, DocumentLoan[]>> = (em, viewer) =>
  new DataLoader(async (documentIds) => {
    if (!viewer) return documentIds.map(() => []);
    const loans = await em.find(DocumentLoan, {
      document: { $in: [...documentIds] },
      borrower: viewer.id,
      refused: false,
      returnedAt: null,
    });
    return alignMany(documentIds, loans, (loan) => loan.document.id);
  });

/** Whether the viewer is a manager above each borrower on the staff line: one statement per batch. */
export const managesBorrower: LoaderFactory<DataLoader<string, boolean>> = (em, viewer) =>
  new DataLoader(async (borrowerIds) => {
    if (!viewer) return borrowerIds.map(() => false);
    const rows = await em.execute<Array<{ staff_id: string }>>(
      'select staff_id from staff_line where manager_id = ? and staff_id in (?)',
      [viewer.id, [...borrowerIds]],
    );
    const managed = new Set(rows.map((row) => row.staff_id));
    return borrowerIds.map((id) => managed.has(id));
  });

export const loanById = byIdLoader(DocumentLoan);

export const destructionById = byIdLoader(DocumentDestruction);

/** Document rows whatever their state, for the destruction record's own links (keepers only). */
export const documentRowById = byIdLoader(Document);

/** A loan the viewer may see: their own, a keeper's view of all, a manager's of those below them. */
export async function readableLoan(ctx: Context, id: string): Promise<DocumentLoan | null> {
  const viewer = ctx.viewer;
  const loan = await ctx.loaders.get(loanById).load(id);
  if (!viewer || !loan || !(await ctx.loaders.get(documentById).load(loan.document.id))) return null;
  if (viewer.id === loan.borrower.id || isKeeperViewer(ctx)) return loan;
  return (await ctx.loaders.get(managesBorrower).load(loan.borrower.id)) ? loan : null;
}

const isKeeperViewer = (ctx: Context) => ctx.viewer !== null && isKeeper(ctx.viewer.role);
