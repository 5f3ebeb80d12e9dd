import { addDays, previousWeekStart, ReminderKind, StaffRole, WeeklyCheckVerdict } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Clock, localDateAt } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { ReminderDraft, ReminderSource } from '../inbox/reminder-source.js';
import { Staff } from '../staff/staff.entity.js';
import { weekChanges } from './weekly-check.query.js';

/**
 * How many past weeks a manager is reminded of while something of them is still unchecked: the week just
 * ended and three before it. Older weeks settle by themselves, so a reminder does not outlive its use.
 */
export const WEEKLY_CHECK_LOOKBACK_WEEKS = 4;

/**
 * Mondays (客服部主管每周一检查): each sales manager whose reps created or changed dossiers in the week just
 * ended gets one item for it, with the number of those dossiers still unchecked; the item stays while any
 * is unchecked (it settles when the last gets a verdict), and the weeks before it stay too while unfinished.
 * The count is the manager's page's own (weekChanges), so the two never disagree.
 */
async function weeksToCheck(em: EntityManager, day: string, clock: Clock): Promise<ReminderDraft[]> {
  const lastWeek = previousWeekStart(day);
  const firstWeek = addDays(lastWeek, -7 * (WEEKLY_CHECK_LOOKBACK_WEEKS - 1));
  // Which managers had changes by their reps in which of those weeks: one statement for all of them.
  const pairs = await em.execute<Array<{ manager_id: string; week_start: string }>>(
    `select distinct rep.manager_id, to_char(date_trunc('week', ch.at at time zone ?), 'YYYY-MM-DD') as week_start
     from change ch
     join staff rep on rep.id = ch.actor_id
     join staff m on m.id = rep.manager_id and m.role = ? and m.active
     where ch.customer_id is not null and ch.entity_type <> 'WeeklyCheck'
       and ch.at >= (?::date)::timestamp at time zone ? and ch.at < (?::date)::timestamp at time zone ?
     order by 2, 1`,
    [
      clock.timeZone,
      StaffRole.SALES_MANAGER,
      firstWeek,
      clock.timeZone,
      addDays(lastWeek, 7),
      clock.timeZone,
    ],
  );
  if (pairs.length === 0) return [];
  const managers = new Map(
    (await em.find(Staff, { id: [...new Set(pairs.map((pair) => pair.manager_id))] })).map((m) => [m.id, m]),
  );
  const drafts: ReminderDraft[] = [];
  for (const { manager_id: managerId, week_start: weekStart } of pairs) {
    const manager = managers.get(managerId);
    if (!manager) continue;
    const rows = await weekChanges(em, manager, weekStart, clock.timeZone);
    const unchecked = rows.filter((row) => row.verdict === null).length;
    if (unchecked === 0) continue;
    drafts.push({
      kind: ReminderKind.WEEKLY_CHECK,
      recipientId: managerId,
      key: weekStart,
      customerId: null,
      // Due on the Monday after the week: the day the regulations set for the check.
      dueOn: addDays(weekStart, 7),
      params: { weekStart, count: unchecked },
      link: `/weekly-check?week=${weekStart}`,
    });
  }
  return drafts;
}

/**
 * A dossier sent back: its owner gets one item per returned dossier and week, with the manager's request,
 * from the day it was sent back; it settles when the manager later checks it (the verdict turns CHECKED).
 */
async function returnedDossiers(em: EntityManager, day: string, clock: Clock): Promise<ReminderDraft[]> {
  const rows = await em.execute<
    Array<{
      customer_id: string;
      owner_id: string;
      customer: string;
      week_start: string;
      comment: string;
      manager: string;
      reviewed_at: Date;
    }>
  >(
    `select wc.customer_id, c.owner_id, c.name as customer, to_char(wc.week_start, 'YYYY-MM-DD') as week_start,
       wc.comment, m.name as manager, wc.reviewed_at
     from weekly_check wc
     join customer c on c.id = wc.customer_id
     join staff m on m.id = wc.manager_id
     where wc.verdict = ? and c.owner_id is not null
       and wc.reviewed_at < ((?::date + 1)::timestamp at time zone ?)
     order by wc.week_start, wc.customer_id`,
    [WeeklyCheckVerdict.RETURNED, day, clock.timeZone],
  );
  return rows.map((row) => ({
    kind: ReminderKind.WEEKLY_CHECK_RETURNED,
    recipientId: row.owner_id,
    key: `${row.customer_id}:${row.week_start}`,
    customerId: row.customer_id,
    dueOn: localDateAt(new Date(row.reviewed_at), clock.timeZone),
    params: { customer: row.customer, request: row.comment, manager: row.manager },
    link: `/customers/${toGlobalId('Customer', row.customer_id)}`,
  }));
}

/** The weekly check's reminders, for the inbox's sweep to register. */
export const weeklyCheckSources: ReminderSource[] = [
  { kind: ReminderKind.WEEKLY_CHECK, settles: true, collect: weeksToCheck },
  { kind: ReminderKind.WEEKLY_CHECK_RETURNED, settles: true, collect: returnedDossiers },
];
