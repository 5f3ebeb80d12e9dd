import { addDays, RelationshipState } from '@dossier/domain';

/**
 * The warm relationships the care reminders go through: an active, named key person (not a placeholder,
 * not left the customer) and an active staff member (departed staff get nothing) with a POSITIVE or
 * NEUTRAL relationship. Aliases: `kp` key person, `c` its customer, `r` relationship, `s` staff.
 */
export const WARM_RELATIONSHIPS = `key_person kp
  join customer c on c.id = kp.customer_id
  join relationship r on r.key_person_id = kp.id
    and r.state in ('${RelationshipState.POSITIVE}', '${RelationshipState.NEUTRAL}')
  join staff s on s.id = r.staff_id and s.active
  where kp.active and kp.name is not null`;

/** At most this many names travel in a reminder's `names`; `count` tells how many there are in all. */
export const NAMES_SHOWN = 5;

/** The first names of a list, joined for the reminder text (、 is the Chinese enumeration comma). */
export const namesOf = (names: readonly string[]): string => names.slice(0, NAMES_SHOWN).join('、');

/**
 * The month-days from `day` to `leadDays` after it, to narrow a statement to the rows worth a look; a
 * 28 February also stands for 29 February (kept on the 28th in other years). The exact test is the domain's.
 */
export function monthDaysAhead(day: string, leadDays: number): string[] {
  const monthDays = Array.from({ length: leadDays + 1 }, (_, i) => addDays(day, i).slice(5));
  return monthDays.includes('02-28') ? [...monthDays, '02-29'] : monthDays;
}
