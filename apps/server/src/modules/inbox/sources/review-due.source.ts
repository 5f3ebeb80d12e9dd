import { ReminderKind } from '@dossier/domain';
import { thresholdsOf } from '../../risk/risk.refresh.js';
import type { ReminderSource } from '../reminder-source.js';
import { ACTIVE_OWNER, dossierLink, draftsOf } from './source-rows.js';

/**
 * A dossier not reviewed for longer than DOSSIER_REVIEW_INTERVAL_DAYS (the risk rule STALE_DOSSIER's
 * reading: last review, else creation, on the business calendar) → its owner, due the first day it is
 * overdue. A review moves the due day: the old item settles, the next one waits for its own day.
 */
export const reviewDueSource: ReminderSource = {
  kind: ReminderKind.REVIEW_DUE,
  settles: true,
  collect: (em, day, clock) =>
    draftsOf(
      em,
      ReminderKind.REVIEW_DUE,
      `select c.owner_id as recipient_id, c.id as customer_id,
              c.id || ':' || (r.reviewed_on + p.review_days + 1)::text as key,
              (r.reviewed_on + p.review_days + 1)::text as due_on,
              jsonb_build_object('customer', c.name, 'days', p.today - r.reviewed_on) as params
       from customer c ${ACTIVE_OWNER}
       cross join (select ?::date as today, ?::int as review_days) p
       cross join lateral (select (coalesce(c.reviewed_at, c.created_at) at time zone ?)::date as reviewed_on) r
       where p.today - r.reviewed_on > p.review_days`,
      [day, thresholdsOf(em).reviewIntervalDays, clock.timeZone],
      (row) => dossierLink(row.customer_id as string, 'basic'),
    ),
};
