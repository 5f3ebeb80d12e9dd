import { ReminderKind } from '@dossier/domain';
import { thresholdsOf } from '../../risk/risk.refresh.js';
import type { ReminderSource } from '../reminder-source.js';
import { dossierLink, draftsOf } from './source-rows.js';

/**
 * An open complaint received more business days ago than DOSSIER_RISK_COMPLAINT_DAYS (the risk rule
 * COMPLAINT_UNRESOLVED's reading, on its partial index) → its handler, else the customer's owner, while
 * they work here; closing it settles the item.
 */
export const complaintOpenSource: ReminderSource = {
  kind: ReminderKind.COMPLAINT_OPEN,
  settles: true,
  collect: (em, day, clock) =>
    draftsOf(
      em,
      ReminderKind.COMPLAINT_OPEN,
      `select coalesce(handler.id, owner.id) as recipient_id, c.id as customer_id, f.id::text as key,
              (f.received_on + p.complaint_days + 1)::text as due_on,
              jsonb_build_object('customer', c.name, 'days', p.today - f.received_on) as params
       from (select f.*, (f.received_at at time zone ?)::date as received_on from feedback f
             where f.kind = 'COMPLAINT' and f.status = 'OPEN') f
       cross join (select ?::date as today, ?::int as complaint_days) p
       join customer c on c.id = f.customer_id
       left join staff handler on handler.id = f.handler_id and handler.active
       left join staff owner on owner.id = c.owner_id and owner.active
       where p.today - f.received_on > p.complaint_days and coalesce(handler.id, owner.id) is not null`,
      [clock.timeZone, day, thresholdsOf(em).complaintMaxAgeDays],
      (row) => dossierLink(row.customer_id as string, 'feedback'),
    ),
};
