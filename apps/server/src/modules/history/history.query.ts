import { HISTORY_ENTITY_TYPES } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { visibleCustomers } from '../../core/access/scope.js';
import type { Clock } from '../../core/clock/clock.js';
import { badInput } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { positions } from '../../core/pagination/cursor.js';
import { type KeysetSort, keysetPage } from '../../core/pagination/keyset.js';
import type { Page } from '../../core/pagination/page-args.js';
import type { Staff } from '../staff/staff.entity.js';
import { Change } from './change.entity.js';
import type { ChangeFilter } from './inputs/change-filter.input.js';

/** As a customer's history pages: (at desc, id desc), at kept to the millisecond a cursor names. */
const NEWEST_FIRST: KeysetSort = { value: 'ch.at', id: 'ch.id', position: positions.isoTime };

/** The filter's ids as database ids, its types and days checked: bad input is refused before any SQL runs. */
function conditions(filter: ChangeFilter | null | undefined) {
  const unknown = filter?.entityTypes?.find((type) => !HISTORY_ENTITY_TYPES.includes(type));
  if (unknown !== undefined) {
    throw badInput('filter.entityTypes', `holds ${JSON.stringify(unknown)}, not a type the history records`);
  }
  if (filter?.from && filter.to && filter.from > filter.to) {
    throw badInput('filter.to', 'must not be before filter.from');
  }
  return {
    actorId: filter?.actorId ? idOf(filter.actorId, 'Staff', 'filter.actorId') : null,
    customerId: filter?.customerId ? idOf(filter.customerId, 'Customer', 'filter.customerId') : null,
  };
}

/**
 * One keyset page of the changes to the dossiers the viewer may see, newest first (at desc, id desc, as a
 * customer's history), filtered in SQL. Days are days of the business calendar: `from` starts at its
 * midnight there, `to` ends at the next day's.
 */
export function changePage(
  em: EntityManager,
  viewer: Staff,
  clock: Clock,
  filter: ChangeFilter | null | undefined,
  page: Page,
) {
  const ids = conditions(filter);
  // Midnight of a day (of the day after `to`) in the business zone; date arithmetic, so no DST surprises.
  const midnight = (days: number) => `cast(?::date + ${days} as timestamp) at time zone ?`;
  const base = () => {
    const query: Knex.QueryBuilder = em
      .getKnex()
      .queryBuilder()
      .from('change as ch')
      .join('customer as c', 'c.id', 'ch.customer_id');
    if (ids.actorId) query.where('ch.actor_id', ids.actorId);
    if (ids.customerId) query.where('ch.customer_id', ids.customerId);
    if (filter?.entityTypes?.length) query.whereIn('ch.entity_type', filter.entityTypes);
    if (filter?.from) query.whereRaw(`ch.at >= ${midnight(0)}`, [filter.from, clock.timeZone]);
    if (filter?.to) query.whereRaw(`ch.at < ${midnight(1)}`, [filter.to, clock.timeZone]);
    return visibleCustomers(query, 'c', viewer);
  };
  return keysetPage(em, Change, base, 'ch', NEWEST_FIRST, 'desc', page);
}
