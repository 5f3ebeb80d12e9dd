import { StaffRole } from '@dossier/domain';
import { requireRole, visibleDocuments } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { positions } from '../../core/pagination/cursor.js';
import { type KeysetSort, keysetPage } from '../../core/pagination/keyset.js';
import type { Page } from '../../core/pagination/page-args.js';
import { DocumentDestruction } from './document-destruction.entity.js';

const NEWEST_FIRST: KeysetSort = { value: 'r.destroyed_at', id: 'r.id', position: positions.isoTime };

/** One page of the destruction records, the latest destruction first: the keepers' book. */
export function destructionPage(ctx: Context, page: Page) {
  const keeper = requireRole(ctx, StaffRole.ARCHIVIST, StaffRole.ADMIN);
  const base = () =>
    visibleDocuments(
      ctx.em
        .getKnex()
        .queryBuilder()
        .from('document_destruction as r')
        .join('document as d', 'd.id', 'r.document_id'),
      'd',
      keeper,
    );
  return keysetPage(ctx.em, DocumentDestruction, base, 'r', NEWEST_FIRST, 'desc', page);
}
