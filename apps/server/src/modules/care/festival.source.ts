import { ReminderKind } from '@dossier/domain';
import { festivalsWithin } from '@dossier/domain/festivals';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReminderDraft, ReminderSource } from '../inbox/reminder-source.js';
import { namesOf, WARM_RELATIONSHIPS } from './care.sql.js';

interface Row {
  staff_id: string;
  names: string[];
}

/**
 * A festival the company greets customers on, `leadDays` ahead: one item per active staff member with at
 * least one warm relationship, listing the key persons to greet (names only: no personal data).
 */
export function festivalSource(leadDays: number): ReminderSource {
  return {
    kind: ReminderKind.FESTIVAL,
    settles: false,
    async collect(em: EntityManager, day: string): Promise<ReminderDraft[]> {
      const festivals = festivalsWithin(day, leadDays);
      if (festivals.length === 0) return [];
      const rows = await em.execute<Row[]>(
        `select s.id as staff_id, array_agg(kp.name order by kp.name collate "C", kp.id) as names
         from ${WARM_RELATIONSHIPS}
         group by s.id order by s.id`,
      );
      return festivals.flatMap((festival) =>
        rows.map((row) => ({
          kind: ReminderKind.FESTIVAL,
          recipientId: row.staff_id,
          key: `${festival.code}:${festival.date}`,
          customerId: null,
          dueOn: festival.date,
          params: {
            festival: festival.code,
            date: festival.date,
            days: festival.days,
            count: row.names.length,
            names: namesOf(row.names),
          },
          link: '/customers',
        })),
      );
    },
  };
}
