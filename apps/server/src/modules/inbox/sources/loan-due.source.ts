import { ReminderKind } from '@dossier/domain';
import type { ReminderSource } from '../reminder-source.js';
import { draftsOf } from './source-rows.js';

/** How many days ahead a loan's due day is announced (issue 14). */
export const LOAN_NOTICE_DAYS = 2;

/**
 * A granted loan not yet returned whose grant runs out (on the business calendar) within the notice days
 * or has run out → its borrower, at the loan register; returning it settles the item.
 */
export const loanDueSource: ReminderSource = {
  kind: ReminderKind.LOAN_DUE,
  settles: true,
  collect: (em, day, clock) =>
    draftsOf(
      em,
      ReminderKind.LOAN_DUE,
      `select l.borrower_id as recipient_id, d.customer_id, l.id::text as key, l.due_on::text as due_on,
              jsonb_build_object('document', d.title, 'customer', c.name,
                                 'dueOn', l.due_on::text, 'days', l.due_on - p.today) as params
       from (select l.*, (l.due_at at time zone ?)::date as due_on from document_loan l
             where l.granted_at is not null and l.returned_at is null) l
       cross join (select ?::date as today, ?::int as notice_days) p
       join document d on d.id = l.document_id and d.destroyed_at is null
       join customer c on c.id = d.customer_id
       join staff borrower on borrower.id = l.borrower_id and borrower.active
       where l.due_on - p.today <= p.notice_days`,
      [clock.timeZone, day, LOAN_NOTICE_DAYS],
      () => '/loans',
    ),
};
