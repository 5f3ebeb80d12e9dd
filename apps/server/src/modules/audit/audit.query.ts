import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { positions } from '../../core/pagination/cursor.js';
import { type KeysetSort, keysetPage } from '../../core/pagination/keyset.js';
import type { Page } from '../../core/pagination/page-args.js';
import { AuditEntry } from './audit.entity.js';
import type { AuditFilter } from './inputs/audit-filter.input.js';

const NEWEST_FIRST: KeysetSort = { value: 'a.at', id: 'a.id', position: positions.isoTime };

/**
 * One keyset page of the audit log, newest first, filtered in SQL; bad input is refused before any SQL.
 * Days are the business calendar's: a day's first instant is computed in `timeZone` by PostgreSQL, so the
 * condition stays a range on `at` (its index serves it).
 */
export function auditPage(
  em: EntityManager,
  filter: AuditFilter | null | undefined,
  page: Page,
  timeZone: string,
) {
  const staffId = filter?.staffId ? idOf(filter.staffId, 'Staff', 'filter.staffId') : null;
  if (filter?.from && filter.to && filter.from > filter.to) {
    throw badInput('filter.to', 'must not be before filter.from');
  }
  if (filter?.fromDay && filter.toDay && filter.fromDay > filter.toDay) {
    throw badInput('filter.toDay', 'must not be before filter.fromDay');
  }
  const base = () => {
    const query = em.getKnex().queryBuilder().from('audit_log as a');
    if (filter?.events?.length) query.whereIn('a.event', filter.events);
    if (staffId) query.where((q) => q.where('a.actor_id', staffId).orWhere('a.subject_id', staffId));
    if (filter?.from) query.where('a.at', '>=', filter.from);
    if (filter?.to) query.where('a.at', '<', filter.to);
    if (filter?.fromDay)
      query.whereRaw('a.at >= ?::date::timestamp at time zone ?', [filter.fromDay, timeZone]);
    if (filter?.toDay) {
      query.whereRaw('a.at < (?::date + 1)::timestamp at time zone ?', [filter.toDay, timeZone]);
    }
    return query;
  };
  return keysetPage(em, AuditEntry, base, 'a', NEWEST_FIRST, 'desc', page);
}
