import { ReminderKind } from '@dossier/domain';
import { latestReportsSql } from '../../credit-report/latest-report.sql.js';
import type { ReminderSource } from '../reminder-source.js';
import { ACTIVE_OWNER, dossierLink, draftsOf } from './source-rows.js';

/** How many days ahead an expiring credit report is announced (issue 14). */
export const CREDIT_REPORT_NOTICE_DAYS = 30;

/**
 * The customers' latest credit reports (the one the risk rule CREDIT_REPORT_EXPIRED reads) whose validity
 * ends within `condition` → the owner; one item per report's end day, so a new report settles it.
 */
const creditReportSource = (kind: ReminderKind, condition: string): ReminderSource => ({
  kind,
  settles: true,
  collect: (em, day) =>
    draftsOf(
      em,
      kind,
      `select c.owner_id as recipient_id, c.id as customer_id,
              c.id || ':' || rp.valid_until::text as key, rp.valid_until::text as due_on,
              jsonb_build_object('customer', c.name, 'validUntil', rp.valid_until::text,
                                 'days', abs(rp.valid_until - p.today)) as params
       from (${latestReportsSql()}) rp
       join customer c on c.id = rp.customer_id ${ACTIVE_OWNER}
       cross join (select ?::date as today, ?::int as notice_days) p
       where ${condition}`,
      [day, CREDIT_REPORT_NOTICE_DAYS],
      (row) => dossierLink(row.customer_id as string, 'credit'),
    ),
});

/** Still valid, ending within the notice days. */
export const creditReportExpiringSource = creditReportSource(
  ReminderKind.CREDIT_REPORT_EXPIRING,
  'rp.valid_until >= p.today and rp.valid_until - p.today <= p.notice_days',
);

/** Expired: valid until a day before today, as the risk rule reads it. */
export const creditReportExpiredSource = creditReportSource(
  ReminderKind.CREDIT_REPORT_EXPIRED,
  'rp.valid_until < p.today',
);
