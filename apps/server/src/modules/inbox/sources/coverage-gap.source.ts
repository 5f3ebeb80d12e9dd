import { ReminderKind } from '@dossier/domain';
import { COVERED_BEST, decisionMakersSql } from '../../account-coverage/account-coverage.sql.js';
import type { ReminderSource } from '../reminder-source.js';
import { ACTIVE_OWNER, dossierLink, draftsOf } from './source-rows.js';

/**
 * An A customer (ABC grade) with a coverage gap — an active decision maker without a POSITIVE link to
 * active staff, DOMAIN.md's rule as account-coverage writes it — → its owner, at the relationship map;
 * closing the gap settles the item. The names are those of the uncovered decision makers.
 */
export const coverageGapSource: ReminderSource = {
  kind: ReminderKind.COVERAGE_GAP,
  settles: true,
  collect: (em, day) =>
    draftsOf(
      em,
      ReminderKind.COVERAGE_GAP,
      `select c.owner_id as recipient_id, c.id as customer_id, c.id::text as key, ?::text as due_on,
              jsonb_build_object('customer', c.name,
                                 'names', string_agg(dm.name, '、' order by dm.name collate "C")) as params
       from (${decisionMakersSql()}) dm
       join abc_grade g on g.customer_id = dm.customer_id and g.class = 'A'
       join customer c on c.id = dm.customer_id ${ACTIVE_OWNER}
       where dm.best < ${COVERED_BEST}
       group by c.id`,
      [day],
      (row) => dossierLink(row.customer_id as string, 'map'),
    ),
};
