import DataLoader from 'dataloader';
import type { Context } from '../../core/context.js';
import { alignMany, byIdLoader, type LoaderFactory } from '../../core/loaders.js';
import { positions } from '../../core/pagination/cursor.js';
import { type KeysetSort, keysetPage } from '../../core/pagination/keyset.js';
import type { Page } from '../../core/pagination/page-args.js';
import { ArchiveInspection, ArchiveInspectionItem } from './archive-inspection.entity.js';
import { requireInspector } from './archive-inspection.service.js';

const NEWEST_PERIOD_FIRST: KeysetSort = { value: 'i.period', id: 'i.id', position: positions.text };

/** One page of the inspections, the newest period first: keepers only. */
export function inspectionsPage(ctx: Context, page: Page) {
  requireInspector(ctx);
  const base = () => ctx.em.getKnex().queryBuilder().from('archive_inspection as i');
  return keysetPage(ctx.em, ArchiveInspection, base, 'i', NEWEST_PERIOD_FIRST, 'desc', page);
}

export const inspectionById = byIdLoader(ArchiveInspection);

/** The findings of many inspections, by kind and in the order they were found: one statement per batch. */
export const findingsOfInspection: LoaderFactory<DataLoader<string, ArchiveInspectionItem[]>> = (em) =>
  new DataLoader(async (inspectionIds) => {
    const items = await em.find(
      ArchiveInspectionItem,
      { inspection: { $in: [...inspectionIds] } },
      { orderBy: { kind: 'asc', createdAt: 'asc', id: 'asc' } },
    );
    return alignMany(inspectionIds, items, (item) => item.inspection.id);
  });

export interface FindingCounts {
  open: number;
  checked: number;
}

/** Open and checked findings of many inspections: one grouped statement per batch. */
export const findingCounts: LoaderFactory<DataLoader<string, FindingCounts>> = (em) =>
  new DataLoader(async (inspectionIds) => {
    const rows = await em.execute<Array<{ inspection_id: string; open: string; checked: string }>>(
      `select inspection_id, count(*) filter (where checked_at is null) as open,
              count(*) filter (where checked_at is not null) as checked
         from archive_inspection_item where inspection_id in (?) group by inspection_id`,
      [[...inspectionIds]],
    );
    const byId = new Map(rows.map((row) => [row.inspection_id, row]));
    return inspectionIds.map((id) => {
      const row = byId.get(id);
      return { open: Number(row?.open ?? 0), checked: Number(row?.checked ?? 0) };
    });
  });
