import { isKeeper, LoanStatus, StaffRole } from '@dossier/domain';
import type { Knex } from '@mikro-orm/postgresql';
import { visibleDocuments } from '../../core/access/policy.js';
import { type Context, viewerOf } from '../../core/context.js';
import { idOf } from '../../core/graphql/global-id.js';
import { positions } from '../../core/pagination/cursor.js';
import { type KeysetSort, keysetPage } from '../../core/pagination/keyset.js';
import type { Page } from '../../core/pagination/page-args.js';
import { DocumentLoan } from './document-loan.entity.js';
import type { LoanRegisterFilter } from './inputs/loan-register.input.js';

const NEWEST_FIRST: KeysetSort = { value: 'l.created_at', id: 'l.id', position: positions.isoTime };

/** Each status as SQL on `document_loan as l` at `now`, as loanStatus (packages/domain) reads a loan. */
export const STATUS_SQL: Record<LoanStatus, string> = {
  [LoanStatus.REQUESTED]: 'not l.refused and l.returned_at is null and l.granted_at is null',
  [LoanStatus.REFUSED]: 'l.refused',
  [LoanStatus.ON_LOAN]: 'not l.refused and l.returned_at is null and l.due_at > ?',
  [LoanStatus.EXPIRED]: 'not l.refused and l.returned_at is null and l.due_at <= ?',
  [LoanStatus.RETURNED]: 'l.returned_at is not null',
};

/**
 * One page of the loan register (借阅登记), newest request first, of live documents the viewer may see:
 * keepers read every loan, a sales manager also those of the staff below them (whose requests they
 * decide), anyone else their own.
 */
export function loanRegisterPage(ctx: Context, filter: LoanRegisterFilter | null | undefined, page: Page) {
  const viewer = viewerOf(ctx);
  const now = ctx.clock.now();
  const borrowerId = filter?.borrowerId ? idOf(filter.borrowerId, 'Staff', 'filter.borrowerId') : null;
  const documentId = filter?.documentId ? idOf(filter.documentId, 'Document', 'filter.documentId') : null;
  const knex = ctx.em.getKnex();
  const base = () => {
    const query = knex
      .queryBuilder()
      .from('document_loan as l')
      .join('document as d', 'd.id', 'l.document_id')
      .whereNull('d.destroyed_at');
    visibleDocuments(query, 'd', viewer);
    if (!isKeeper(viewer.role)) {
      query.where((mine: Knex.QueryBuilder) => {
        mine.where('l.borrower_id', viewer.id);
        if (viewer.role === StaffRole.SALES_MANAGER) {
          mine.orWhereExists((below: Knex.QueryBuilder) =>
            below
              .select(1)
              .from('staff_line as sl')
              .whereRaw('sl.staff_id = l.borrower_id')
              .where('sl.manager_id', viewer.id),
          );
        }
      });
    }
    if (borrowerId) query.where('l.borrower_id', borrowerId);
    if (documentId) query.where('l.document_id', documentId);
    if (filter?.levels?.length) query.whereIn('d.confidentiality', filter.levels);
    if (filter?.statuses?.length) {
      const statuses = filter.statuses;
      query.where((any: Knex.QueryBuilder) => {
        for (const status of statuses) {
          const sql = STATUS_SQL[status];
          any.orWhereRaw(`(${sql})`, sql.includes('?') ? [now] : []);
        }
      });
    }
    return query;
  };
  return keysetPage(ctx.em, DocumentLoan, base, 'l', NEWEST_FIRST, 'desc', page);
}
