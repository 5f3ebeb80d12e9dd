import { AuditEvent, isReportMonth, monthClosed, StaffRole } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../core/clock/clock.js';
import { badInput, forbidden } from '../../core/errors.js';
import { audit } from '../audit/audit.writer.js';
import { Staff } from '../staff/staff.entity.js';
import { collectFigures } from './monthly-report.collect.js';
import type { ReportFigures } from './monthly-report.figures.js';
import { renderPdf } from './monthly-report.pdf.js';
import { renderXlsx } from './monthly-report.xlsx.js';

export interface StoredReport {
  id: string;
  month: string;
  teamManagerId: string | null;
  figures: ReportFigures;
  generatedAt: Date;
  generatedById: string | null;
  version: number;
}

/** The columns of a stored report, without its files. */
export const REPORT_COLUMNS = `id, month, team_manager_id as "teamManagerId", figures, generated_at as "generatedAt",
  generated_by_id as "generatedById", version`;

/**
 * Stands in for "every customer" where the ABC computation and the scope rules ask whose book to read: the
 * company report counts every customer, as a reader of all (scope.ts) does. Never a person, never stored.
 */
const COMPANY_READER = Object.assign(Object.create(Staff.prototype) as Staff, {
  id: '00000000-0000-0000-0000-000000000000',
  role: StaffRole.ANALYST,
});

/** The month as the API takes it, closed on the business calendar: a report of a running month would move. */
export function checkMonth(month: string, clock: Clock): string {
  if (!isReportMonth(month)) throw badInput('month', 'must be a month as YYYY-MM');
  if (!monthClosed(month, clock.today())) throw badInput('month', 'has not ended yet');
  return month;
}

/** A sales manager whose team a report may cover; anyone else is the caller's mistake. */
export async function teamManager(em: EntityManager, id: string): Promise<Staff> {
  const manager = await em.findOne(Staff, { id });
  if (!manager || manager.role !== StaffRole.SALES_MANAGER) {
    throw badInput('teamManagerId', 'is not a sales manager');
  }
  return manager;
}

/**
 * Who may see (and a manager generate) a team's report: admins and analysts every report; a sales manager
 * their own team's and those of the managers below them (whose books are within theirs), never the
 * company's, which counts customers outside their book (README "Who sees what"). Reps and archivists none.
 */
export async function assertMayGenerate(em: EntityManager, viewer: Staff, teamManagerId: string | null) {
  if (viewer.role === StaffRole.ADMIN) return;
  if (viewer.role !== StaffRole.SALES_MANAGER) throw forbidden('Monthly reports are for managers and admins');
  if (teamManagerId === null) throw forbidden('The company report is for admins');
  if (teamManagerId === viewer.id) return;
  const below = await em.execute('select 1 from staff_line where manager_id = ? and staff_id = ?', [
    viewer.id,
    teamManagerId,
  ]);
  if (below.length === 0) throw forbidden('You generate only your own team’s reports');
}

const SCOPE_LOCK = `select pg_advisory_xact_lock(hashtext('dossier.monthly_report:' || ? || ':' || ?))`;

/**
 * Generates the report of `month` for the company (team null) or a manager's team, and stores it.
 *
 * The first generation collects the figures and freezes them in the row (figures jsonb); a regeneration
 * re-renders the PDF and XLSX from those stored figures and counts a new version, so a report reads the
 * same however often and whenever it is produced. Risk signals and coverage exist only as today's state;
 * frozen at the first generation, they stay what the report said then. Every instance sharing the database
 * queues on an advisory lock per (month, scope), so two instances produce a report once. Recorded in the
 * audit log (who, which report, which version), as the archive records its documents' handling.
 */
export async function generateReport(
  em: EntityManager,
  month: string,
  team: Staff | null,
  actor: Staff | null,
  clock: Clock,
  options: { onlyIfMissing?: boolean } = {},
): Promise<StoredReport> {
  return em.transactional(async (tx) => {
    await tx.execute(SCOPE_LOCK, [month, team?.id ?? 'company']);
    const [existing] = await tx.execute<StoredReport[]>(
      `select ${REPORT_COLUMNS} from monthly_report where month = ? and team_manager_id is not distinct from ?`,
      [month, team?.id ?? null],
    );
    if (existing && options.onlyIfMissing) return existing;
    const figures =
      existing?.figures ??
      (await collectFigures(
        tx,
        month,
        team ?? COMPANY_READER,
        team && { id: team.id, name: team.name },
        clock,
      ));
    const [pdf, xlsx] = [await renderPdf(figures), await renderXlsx(figures)];
    const [stored] = await tx.execute<StoredReport[]>(
      existing
        ? `update monthly_report set pdf = ?, xlsx = ?, generated_at = ?, generated_by_id = ?, version = version + 1
           where id = ? returning ${REPORT_COLUMNS}`
        : `insert into monthly_report (pdf, xlsx, generated_at, generated_by_id, id, month, team_manager_id, figures)
           values (?, ?, ?, ?, ?, ?, ?, ?) returning ${REPORT_COLUMNS}`,
      existing
        ? [pdf, xlsx, clock.now(), actor?.id ?? null, existing.id]
        : [
            pdf,
            xlsx,
            clock.now(),
            actor?.id ?? null,
            uuidv7(),
            month,
            team?.id ?? null,
            JSON.stringify(figures),
          ],
    );
    if (!stored) throw new Error('the monthly report was not stored');
    await audit(tx, {
      event: AuditEvent.MONTHLY_REPORT_GENERATED,
      actorId: actor?.id ?? null,
      subjectId: team?.id ?? null,
      detail: { month, scope: team ? 'TEAM' : 'COMPANY', reportId: stored.id, version: stored.version },
    });
    return stored;
  });
}
