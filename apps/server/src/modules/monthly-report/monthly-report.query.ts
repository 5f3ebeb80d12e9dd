import { type Locale, riskMessage, StaffRole } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden } from '../../core/errors.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { positionOf, positions } from '../../core/pagination/cursor.js';
import type { Page } from '../../core/pagination/page-args.js';
import { CoverageSummaryRow } from '../account-coverage/account-coverage.types.js';
import type { Staff } from '../staff/staff.entity.js';
import type { CustomerFigure, ReportFigures } from './monthly-report.figures.js';
import { REPORT_COLUMNS, type StoredReport } from './monthly-report.service.js';
import type { MonthlyReportView, ReportFiguresView } from './monthly-report.types.js';

const READERS = new Set([StaffRole.ADMIN, StaffRole.ANALYST, StaffRole.SALES_MANAGER]);

/**
 * The reports `viewer` may read, as SQL on `monthly_report r`: admins and analysts every one; a sales
 * manager their own team's and those of the managers below them (within their book). Reps and archivists
 * read none (FORBIDDEN): the report is written to the leaders.
 */
export function readableReports(viewer: Staff): { sql: string; bindings: string[] } {
  if (!READERS.has(viewer.role)) throw forbidden('Monthly reports are for managers, analysts and admins');
  if (viewer.role !== StaffRole.SALES_MANAGER) return { sql: 'true', bindings: [] };
  return {
    sql: `(r.team_manager_id = ? or r.team_manager_id in (select staff_id from staff_line where manager_id = ?))`,
    bindings: [viewer.id, viewer.id],
  };
}

/** A page of the readable reports, newest month first, the company's before the teams' of a month. */
export async function reportPage(em: EntityManager, viewer: Staff, page: Page) {
  const scope = readableReports(viewer);
  const after = page.after ? String(positionOf(page.after, positions.text)) : null;
  const rows = await em.execute<StoredReport[]>(
    `select ${REPORT_COLUMNS} from monthly_report r where ${scope.sql}
       ${after !== null ? 'and (r.month, r.id) < (?, ?)' : ''}
     order by r.month desc, r.id desc limit ?`,
    [...scope.bindings, ...(after !== null ? [after, page.after?.id] : []), page.limit + 1],
  );
  const count = async () => {
    const [row] = await em.execute<Array<{ n: number }>>(
      `select count(*)::int as n from monthly_report r where ${scope.sql}`,
      scope.bindings,
    );
    return row?.n ?? 0;
  };
  return { rows, count };
}

/** One report by month and scope, if it exists and the viewer may read it. */
export async function findReport(
  em: EntityManager,
  viewer: Staff,
  month: string,
  teamManagerId: string | null,
): Promise<StoredReport | null> {
  const scope = readableReports(viewer);
  const [row] = await em.execute<StoredReport[]>(
    `select ${REPORT_COLUMNS} from monthly_report r
     where r.month = ? and r.team_manager_id is not distinct from ? and ${scope.sql}`,
    [month, teamManagerId, ...scope.bindings],
  );
  return row ?? null;
}

const customer = (row: CustomerFigure) => ({
  customerId: toGlobalId('Customer', row.customerId),
  code: row.code,
  name: row.name,
  on: row.on,
});

/** The stored figures as the API's typed fields; risk reasons worded in the viewer's language. */
export function figuresView(figures: ReportFigures, locale: Locale): ReportFiguresView {
  const score = (value: string | null) => (value === null ? null : Number(value));
  return {
    frozenAt: new Date(figures.frozenAt),
    abcSummary: figures.abc,
    topCustomers: figures.topCustomers.map((row) => ({ ...row, ...customer(row) })),
    riskCustomers: figures.riskCustomers.map((row) => ({
      ...customer(row),
      level: row.level,
      score: row.score,
      signals: row.signals.map((signal) => ({
        code: signal.code,
        level: signal.level,
        message: riskMessage(signal, locale),
      })),
    })),
    coverage: figures.coverage.map((row) =>
      Object.assign(new CoverageSummaryRow(), {
        ownerId: null,
        region: null,
        abcClass: row.class,
        customers: row.customers,
        score0: row.score0,
        score1: row.score1,
        score2: row.score2,
        score3: row.score3,
        averageScore: row.average,
      }),
    ),
    newCustomers: figures.newCustomers.map(customer),
    lostCustomers: figures.lostCustomers.map(customer),
    feedback: figures.feedback,
    satisfaction: {
      surveys: figures.satisfaction.surveys,
      product: score(figures.satisfaction.product),
      delivery: score(figures.satisfaction.delivery),
      service: score(figures.satisfaction.service),
      price: score(figures.satisfaction.price),
    },
    creditReports: figures.creditReports.map((row) => ({
      ...customer(row),
      validUntil: row.validUntil,
      expired: row.expired,
    })),
    weeklyCheck: figures.weeklyCheck
      ? {
          ...figures.weeklyCheck,
          managers: figures.weeklyCheck.managers.map((row) => ({
            ...row,
            managerId: toGlobalId('Staff', row.managerId),
          })),
        }
      : null,
  };
}

/** Where the files download (monthly-report.routes.ts). */
export const downloadPath = (uuid: string, format: 'pdf' | 'xlsx') => `/monthly-reports/${uuid}/${format}`;

export function reportView(row: StoredReport, locale: Locale): MonthlyReportView {
  return {
    id: toGlobalId('MonthlyReport', row.id),
    uuid: row.id,
    month: row.month,
    teamManagerId: row.teamManagerId,
    generatedAt: new Date(row.generatedAt),
    generatedById: row.generatedById,
    version: row.version,
    pdfUrl: downloadPath(row.id, 'pdf'),
    xlsxUrl: downloadPath(row.id, 'xlsx'),
    figures: figuresView(row.figures, locale),
  };
}
