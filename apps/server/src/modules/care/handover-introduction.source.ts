import { RelationshipState, ReminderKind } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlGlobalId } from '../../core/audit/field-values.js';
import type { Clock } from '../../core/clock/clock.js';
import { localDateAt } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { ReminderDraft, ReminderSource } from '../inbox/reminder-source.js';
import { namesOf } from './care.sql.js';

interface Row {
  customer_id: string;
  customer: string;
  owner_id: string;
  handed_over_at: Date;
  names: string[];
}

/**
 * When each customer last changed hands: the newest change of its owner from one staff member to another
 * (a handover, or an owner changed on the basic sheet; a first owner is no handover), as the history
 * recorded it. The history keeps references as global ids.
 */
const HANDOVERS = `select distinct on (ch.entity_id) ch.entity_id as customer_id, ch.at, fc.after as owner
  from change ch join field_change fc on fc.change_id = ch.id and fc.field = 'ownerId'
  where ch.entity_type = 'Customer' and ch.action = 'UPDATE' and fc.before is not null and fc.after is not null
  order by ch.entity_id, ch.at desc, ch.id desc`;

/**
 * After a handover, the new owner introduces themselves to the customer's key persons (及时通知有关客户):
 * one item per customer, open while an active, named key person has no relationship state (other than
 * NONE) recorded by the new owner since the handover. A relationship the handover moved over from the
 * previous rep does not count: it was recorded before. Settles once every one of them is done.
 *
 * An introduction is news for `windowDays` business days after the handover (DOSSIER_HANDOVER_INTRO_DAYS):
 * the first sweep on a database with years of history must not hand every owner an item per customer they
 * took over long ago, and a key person still unknown after that is the coverage-gap reminder's concern.
 */
export const handoverIntroductionSource = (windowDays: number): ReminderSource => ({
  kind: ReminderKind.HANDOVER_INTRODUCTION,
  settles: true,
  async collect(em: EntityManager, day: string, clock: Clock): Promise<ReminderDraft[]> {
    const rows = await em.execute<Row[]>(
      `with handover as (${HANDOVERS})
       select c.id as customer_id, c.name as customer, c.owner_id, h.at as handed_over_at,
         array_agg(kp.name order by kp.name collate "C", kp.id) as names
       from handover h
         join customer c on c.id = h.customer_id and h.owner = ${sqlGlobalId('Staff', 'c.owner_id')}
         join staff s on s.id = c.owner_id and s.active
         join key_person kp on kp.customer_id = c.id and kp.active and kp.name is not null
       where (h.at at time zone ?)::date > ?::date - ?::int
         and not exists (select 1 from relationship r where r.key_person_id = kp.id and r.staff_id = c.owner_id
           and r.state <> '${RelationshipState.NONE}' and r.updated_at > h.at)
       group by c.id, c.name, c.owner_id, h.at
       order by c.name, c.id`,
      [clock.timeZone, day, windowDays],
    );
    return rows.map((row) => {
      const handedOverOn = localDateAt(new Date(row.handed_over_at), clock.timeZone);
      return {
        kind: ReminderKind.HANDOVER_INTRODUCTION,
        recipientId: row.owner_id,
        key: `${row.customer_id}:${handedOverOn}`,
        customerId: row.customer_id,
        dueOn: handedOverOn,
        params: { customer: row.customer, count: row.names.length, names: namesOf(row.names) },
        link: `/customers/${toGlobalId('Customer', row.customer_id)}/map`,
      };
    });
  },
});
