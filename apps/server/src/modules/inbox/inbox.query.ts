import { InboxItemState, type ReminderKind } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { readsAllCustomers, visibleCustomers } from '../../core/access/scope.js';
import { positions } from '../../core/pagination/cursor.js';
import { type KeysetSort, keysetPage } from '../../core/pagination/keyset.js';
import type { Page } from '../../core/pagination/page-args.js';
import type { Staff } from '../staff/staff.entity.js';
import { InboxItem } from './inbox-item.entity.js';

const NEWEST_FIRST: KeysetSort = { value: 'i.created_at', id: 'i.id', position: positions.isoTime };

/**
 * The viewer's own items (alias i), less those about a customer the access policy no longer lets them read
 * (handed over, left their line): a reminder must not show what the dossier would not.
 */
export function ownItems(em: EntityManager, viewer: Staff): Knex.QueryBuilder {
  const query = em.getKnex().queryBuilder().from('inbox_item as i').where('i.recipient_id', viewer.id);
  if (readsAllCustomers(viewer)) return query;
  return query.where((q) =>
    q.whereNull('i.customer_id').orWhereExists((sub) => {
      visibleCustomers(
        sub.select(em.getKnex().raw('1')).from('customer as c').whereRaw('c.id = i.customer_id'),
        'c',
        viewer,
      );
    }),
  );
}

/** The viewer's own item by id, as their list would show it; null for anyone else's. */
export async function findOwnItem(em: EntityManager, viewer: Staff, id: string): Promise<InboxItem | null> {
  const [row] = await em.execute<Array<{ id: string }>>(
    ownItems(em, viewer).where('i.id', id).select('i.id'),
  );
  return row ? em.findOne(InboxItem, { id: row.id }) : null;
}

export interface InboxFilter {
  state?: InboxItemState | null;
  kind?: ReminderKind | null;
}

/** One keyset page of the viewer's inbox, newest first. */
export function inboxPage(em: EntityManager, viewer: Staff, filter: InboxFilter, page: Page) {
  const base = () => {
    const query = ownItems(em, viewer);
    if (filter.state) query.where('i.state', filter.state);
    if (filter.kind) query.where('i.kind', filter.kind);
    return query;
  };
  return keysetPage(em, InboxItem, base, 'i', NEWEST_FIRST, 'desc', page);
}

/** The viewer's open items per kind, in one statement: what the header's badge and the filter show. */
export async function openCounts(
  em: EntityManager,
  viewer: Staff,
): Promise<Array<{ kind: ReminderKind; count: number }>> {
  const rows = await em.execute<Array<{ kind: ReminderKind; count: number }>>(
    ownItems(em, viewer)
      .where('i.state', InboxItemState.OPEN)
      .select('i.kind', em.getKnex().raw('count(*)::int as count'))
      .groupBy('i.kind')
      .orderBy('i.kind'),
  );
  return rows;
}
