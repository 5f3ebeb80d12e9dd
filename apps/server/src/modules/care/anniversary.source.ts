import { anniversaryWithin, ReminderKind } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { ReminderDraft, ReminderSource } from '../inbox/reminder-source.js';
import { monthDaysAhead } from './care.sql.js';

interface Row {
  customer_id: string;
  customer: string;
  owner_id: string;
  founded_on: string;
}

/** A customer's founding anniversary `leadDays` ahead, for its owner (while still with the company). */
export function foundingAnniversarySource(leadDays: number): ReminderSource {
  return {
    kind: ReminderKind.FOUNDING_ANNIVERSARY,
    settles: false,
    async collect(em: EntityManager, day: string): Promise<ReminderDraft[]> {
      const rows = await em.execute<Row[]>(
        `select c.id as customer_id, c.name as customer, c.owner_id, to_char(c.founded_on, 'YYYY-MM-DD') as founded_on
         from customer c join staff s on s.id = c.owner_id and s.active
         where to_char(c.founded_on, 'MM-DD') in (?) order by c.name, c.id`,
        [monthDaysAhead(day, leadDays)],
      );
      return rows.flatMap((row) => {
        const upcoming = anniversaryWithin(row.founded_on, day, leadDays);
        if (!upcoming) return [];
        return [
          {
            kind: ReminderKind.FOUNDING_ANNIVERSARY,
            recipientId: row.owner_id,
            key: `${row.customer_id}:${upcoming.date}`,
            customerId: row.customer_id,
            dueOn: upcoming.date,
            params: {
              customer: row.customer,
              years: upcoming.years,
              date: upcoming.date,
              days: upcoming.days,
            },
            link: `/customers/${toGlobalId('Customer', row.customer_id)}/basic`,
          },
        ];
      });
    },
  };
}
