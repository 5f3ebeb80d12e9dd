import { inspectionPeriodOf, isInspectionPeriod, StaffRole } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireRole } from '../../core/access/policy.js';
import type { Clock } from '../../core/clock/clock.js';
import type { Context } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { optionalText } from '../../core/validation.js';
import { Customer } from '../customer/customer.entity.js';
import { Document } from '../document/document.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { ArchiveInspection, ArchiveInspectionItem } from './archive-inspection.entity.js';
import { archiveFindings } from './archive-inspection.findings.js';

/** The archive's keepers run the inspection: archivists and administrators. */
export const requireInspector = (ctx: Context) => requireRole(ctx, StaffRole.ARCHIVIST, StaffRole.ADMIN);

/**
 * The inspection of `period`, drawn up now from what the document rules flag, unless it exists: the
 * insert takes the period's unique key first, so two instances (the job on both, or the job and a
 * keeper's button) generate it once, and the loser gets the winner's. Runs in the caller's transaction.
 */
export async function generateInspection(
  em: EntityManager,
  period: string,
  clock: Clock,
): Promise<ArchiveInspection> {
  const inspection = new ArchiveInspection(period, clock.now());
  const inserted = await em.execute<Array<{ id: string }>>(
    `insert into archive_inspection (id, period, generated_at, created_at, updated_at)
     values (?, ?, ?, ?, ?) on conflict (period) do nothing returning id`,
    [inspection.id, period, inspection.generatedAt, inspection.createdAt, inspection.updatedAt],
  );
  if (inserted.length === 0) return em.findOneOrFail(ArchiveInspection, { period });
  const stored = await em.findOneOrFail(ArchiveInspection, { id: inspection.id });
  for (const finding of await archiveFindings(em, clock)) {
    em.persist(
      new ArchiveInspectionItem({
        inspection: em.getReference(ArchiveInspection, stored.id, { wrapped: true }),
        document: em.getReference(Document, finding.documentId, { wrapped: true }),
        customer: em.getReference(Customer, finding.customerId, { wrapped: true }),
        kind: finding.kind,
        details: JSON.stringify(finding.details),
      }),
    );
  }
  await em.flush();
  return stored;
}

/** A keeper's on-demand generation: a March or September period that has begun. */
export function generateArchiveInspection(ctx: Context, period: string): Promise<ArchiveInspection> {
  requireInspector(ctx);
  if (!isInspectionPeriod(period)) throw badInput('period', "must be 'YYYY-03' or 'YYYY-09'");
  if (period > inspectionPeriodOf(ctx.clock.today())) throw badInput('period', 'has not begun yet');
  return writeTransaction(ctx, (em) => generateInspection(em, period, ctx.clock));
}

/** Ticks a finding as checked, with an optional note; ticking again replaces the note and the checker. */
export function checkArchiveInspectionFinding(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
  note: string | null | undefined,
): Promise<ArchiveInspectionItem> {
  const inspector = requireInspector(ctx);
  const id = idOf(globalId, 'ArchiveInspectionItem', 'id');
  return writeTransaction(ctx, async (em) => {
    const item = await em.findOne(ArchiveInspectionItem, { id });
    if (!item) throw notFound('ArchiveInspectionItem', globalId, 'id');
    expectVersion(item, expectedVersion);
    item.note = optionalText('note', note, 2000);
    item.checkedBy = em.getReference(Staff, inspector.id, { wrapped: true });
    item.checkedAt = ctx.clock.now();
    return item;
  });
}
