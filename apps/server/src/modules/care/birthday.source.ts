import { monthDayWithin, ReminderKind } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { personalDataReaderSql } from '../../core/access/policy.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { ReminderDraft, ReminderSource } from '../inbox/reminder-source.js';
import { monthDaysAhead, WARM_RELATIONSHIPS } from './care.sql.js';

interface Row {
  staff_id: string;
  key_person_id: string;
  key_person: string;
  birthday: string;
  customer_id: string;
  customer: string;
}

/**
 * A key person's birthday `leadDays` ahead (or fewer: a day the sweep missed still finds it), for each
 * active staff member with a warm relationship to them who may read the person's personal data: the
 * birthday is personal data, so a colleague outside the customer's line is not told it.
 */
export function birthdaySource(leadDays: number): ReminderSource {
  return {
    kind: ReminderKind.BIRTHDAY,
    settles: false,
    async collect(em: EntityManager, day: string): Promise<ReminderDraft[]> {
      const rows = await em.execute<Row[]>(
        `select s.id as staff_id, kp.id as key_person_id, kp.name as key_person,
           kp.profile_birthday as birthday, c.id as customer_id, c.name as customer
         from ${WARM_RELATIONSHIPS}
           and kp.profile_birthday in (?) and ${personalDataReaderSql('s', 'c')}
         order by kp.name, s.id`,
        [monthDaysAhead(day, leadDays)],
      );
      return rows.flatMap((row) => {
        const upcoming = monthDayWithin(row.birthday, day, leadDays);
        if (!upcoming) return [];
        return [
          {
            kind: ReminderKind.BIRTHDAY,
            recipientId: row.staff_id,
            key: `${row.key_person_id}:${upcoming.date}`,
            customerId: row.customer_id,
            dueOn: upcoming.date,
            params: {
              keyPerson: row.key_person,
              customer: row.customer,
              date: upcoming.date,
              days: upcoming.days,
            },
            link: `/customers/${toGlobalId('Customer', row.customer_id)}/people`,
          },
        ];
      });
    },
  };
}
