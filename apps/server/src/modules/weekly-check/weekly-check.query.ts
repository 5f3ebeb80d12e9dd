import { addDays, StaffRole, WeeklyCheckVerdict } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { readsWeeklyChecks } from '../../core/access/policy.js';
import { visibleCustomers } from '../../core/access/scope.js';
import type { Staff } from '../staff/staff.entity.js';
import { WeeklyCheck } from './weekly-check.entity.js';

/** One dossier of a week's list: what the checker's reps did to it that week. */
export interface WeekChanges {
  customerId: string;
  changes: number;
  /** The dossier was created that week (new, not only changed). */
  created: boolean;
  entityTypes: string[];
  actorIds: string[];
  lastChangedAt: Date;
  /** The verdict of that week, when given. */
  checkId: string | null;
  verdict: WeeklyCheckVerdict | null;
}

interface Row {
  customer_id: string;
  changes: number;
  created: boolean;
  entity_types: string[];
  actor_ids: string[];
  last_at: Date;
  check_id: string | null;
  verdict: WeeklyCheckVerdict | null;
}

/**
 * Whose changes a checker's list holds: a manager's, those of the staff who report to them directly
 * (staff.manager_id, as the team is set up; the manager above checks their managers' own changes); an
 * admin's, those of everybody who reports to someone. `null`: nobody's (roles that check nothing).
 */
export function checkedActors(checker: Staff): { sql: string; bindings: string[] } | null {
  if (checker.role === StaffRole.SALES_MANAGER) return { sql: 'rep.manager_id = ?', bindings: [checker.id] };
  if (checker.role === StaffRole.ADMIN) return { sql: 'rep.manager_id is not null', bindings: [] };
  return null;
}

/**
 * The dossiers the checker's reps created or changed in the business week starting `weekStart` (Monday
 * 00:00 to the next Monday 00:00 in the business time zone, so Sunday 23:30 in Beijing is still that week),
 * one row per dossier, read set-based from the history in one statement with the week's verdict beside it.
 * Only dossiers the checker reads (scope.ts) are listed; the verdicts themselves are not changes to check.
 * Unchecked first, then returned, then checked; within each the most recently changed first.
 */
export async function weekChanges(
  em: EntityManager,
  checker: Staff,
  weekStart: string,
  timeZone: string,
  options: { customerId?: string } = {},
): Promise<WeekChanges[]> {
  const actors = checkedActors(checker);
  if (!actors) return [];
  const knex = em.getKnex();
  const week = knex
    .queryBuilder()
    .from('change as ch')
    .join('staff as rep', 'rep.id', 'ch.actor_id')
    .whereNotNull('ch.customer_id')
    .whereNot('ch.entity_type', 'WeeklyCheck')
    .whereRaw('ch.at >= (?::date)::timestamp at time zone ?', [weekStart, timeZone])
    .whereRaw('ch.at < (?::date)::timestamp at time zone ?', [addDays(weekStart, 7), timeZone])
    .whereRaw(actors.sql, actors.bindings)
    .groupBy('ch.customer_id')
    .select(
      knex.raw(`ch.customer_id, count(*)::int as changes,
        bool_or(ch.entity_type = 'Customer' and ch.action = 'CREATE') as created,
        array_agg(distinct ch.entity_type order by ch.entity_type) as entity_types,
        array_agg(distinct ch.actor_id) as actor_ids, max(ch.at) as last_at`),
    );
  if (options.customerId) week.where('ch.customer_id', options.customerId);
  const query = knex
    .queryBuilder()
    .with('week', week)
    .from('week as w')
    .join('customer as c', 'c.id', 'w.customer_id')
    .leftJoin('weekly_check as wc', (join) => {
      join.on('wc.customer_id', 'w.customer_id').andOn('wc.week_start', knex.raw('?::date', [weekStart]));
    })
    .select('w.*', 'wc.id as check_id', 'wc.verdict')
    .orderByRaw(
      `case when wc.id is null then 0 when wc.verdict = 'RETURNED' then 1 else 2 end, w.last_at desc, w.customer_id`,
    );
  visibleCustomers(query as Knex.QueryBuilder, 'c', checker, 'set');
  const rows = await em.execute<Row[]>(query);
  return rows.map((row) => ({
    customerId: row.customer_id,
    changes: row.changes,
    created: row.created,
    entityTypes: row.entity_types,
    actorIds: row.actor_ids,
    lastChangedAt: new Date(row.last_at),
    checkId: row.check_id,
    verdict: row.verdict,
  }));
}

/**
 * The dossiers sent back and not checked since, of the customers the viewer reads (a rep: their book; a
 * manager: their team's; an admin: all), the oldest week first: what the reps still have to fix.
 */
export async function openReturns(em: EntityManager, viewer: Staff): Promise<WeeklyCheck[]> {
  if (!readsWeeklyChecks(viewer)) return [];
  const query = em
    .getKnex()
    .queryBuilder()
    .from('weekly_check as wc')
    .join('customer as c', 'c.id', 'wc.customer_id')
    .where('wc.verdict', WeeklyCheckVerdict.RETURNED)
    .select('wc.id')
    .orderBy([{ column: 'wc.week_start' }, { column: 'wc.reviewed_at' }, { column: 'wc.id' }]);
  visibleCustomers(query, 'c', viewer);
  const ids = (await em.execute<Array<{ id: string }>>(query)).map((row) => row.id);
  if (ids.length === 0) return [];
  const checks = await em.find(WeeklyCheck, { id: ids });
  const byId = new Map(checks.map((check) => [check.id, check]));
  return ids.map((id) => byId.get(id)).filter((check): check is WeeklyCheck => check !== undefined);
}
