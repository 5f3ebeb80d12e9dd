import { ratio, reportWeeks, StaffRole, WeeklyCheckVerdict } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Staff } from '../staff/staff.entity.js';
import { weekChanges } from '../weekly-check/weekly-check.query.js';
import type {
  WeeklyCheckCounts,
  WeeklyCheckFigures,
  WeeklyCheckManagerFigure,
} from './monthly-report.figures.js';

/**
 * Weekly-check completion of `month` (每周档案检查完成情况): for the weeks whose Monday falls in the month
 * (reportWeeks: every week belongs to one month's report), each sales manager's lists exactly as the
 * manager's page reads them (weekChanges: the dossiers their reps created or changed that week, within the
 * manager's book, with the week's verdict), counted as checked, sent back or still unchecked. The company
 * counts every sales manager; a team its manager and the managers below them (staff_line), so another
 * team's lists never show. Completion is the share given a verdict (checked or sent back: the manager has
 * done the check); a dossier listed in two weeks counts in each. Verdicts are read as they stand at the
 * first generation and frozen with the other figures.
 */
export async function weeklyCheckFigures(
  em: EntityManager,
  month: string,
  team: { id: string } | null,
  timeZone: string,
): Promise<WeeklyCheckFigures> {
  const weeks = reportWeeks(month);
  const ids = await em.execute<Array<{ id: string }>>(
    `select s.id from staff s where s.role = ?
       ${team ? 'and (s.id = ? or s.id in (select staff_id from staff_line where manager_id = ?))' : ''}
     order by s.name collate "C", s.id`,
    [StaffRole.SALES_MANAGER, ...(team ? [team.id, team.id] : [])],
  );
  const byId = new Map(
    (await em.find(Staff, { id: ids.map((row) => row.id) })).map((staff) => [staff.id, staff]),
  );
  const managers: WeeklyCheckManagerFigure[] = [];
  for (const { id } of ids) {
    const manager = byId.get(id);
    if (!manager) continue;
    // One statement per manager and week, one after the other: inside the generation's transaction they
    // share its connection. A month has four or five weeks, a company a handful of managers.
    const lists = [];
    for (const week of weeks) lists.push(...(await weekChanges(em, manager, week, timeZone)));
    if (lists.length === 0) continue;
    const verdicts = lists.map((row) => row.verdict);
    managers.push({ managerId: manager.id, managerName: manager.name, ...counted(verdicts) });
  }
  const sum = (key: 'checked' | 'returned' | 'unchecked') =>
    managers.reduce((total, row) => total + row[key], 0);
  return {
    weeks,
    managers,
    total: withCompletion(sum('checked'), sum('returned'), sum('unchecked')),
  };
}

function counted(verdicts: Array<WeeklyCheckVerdict | null>): WeeklyCheckCounts {
  const of = (verdict: WeeklyCheckVerdict | null) => verdicts.filter((v) => v === verdict).length;
  return withCompletion(of(WeeklyCheckVerdict.CHECKED), of(WeeklyCheckVerdict.RETURNED), of(null));
}

function withCompletion(checked: number, returned: number, unchecked: number): WeeklyCheckCounts {
  const total = checked + returned + unchecked;
  return {
    total,
    checked,
    returned,
    unchecked,
    // From the counts, as the ABC shares are: the renderings print it as a percentage.
    completion: total === 0 ? null : ratio(BigInt(checked + returned), BigInt(total)),
  };
}
