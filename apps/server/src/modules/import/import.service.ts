import type { EntityManager } from '@mikro-orm/postgresql';
import { requireAdmin } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { writeTransaction } from '../../core/database/transaction.js';
import { badInput } from '../../core/errors.js';
import { refreshAnalytics } from '../analytics/analytics.refresh.js';
import { ChangeBatch } from '../history/history.writer.js';
import { refreshRiskAssessments } from '../risk/risk.refresh.js';
import type { Staff } from '../staff/staff.entity.js';
import { planCustomers } from './customers.import.js';
import { ImportKind } from './import.columns.js';
import { inferKind, mapColumns } from './import.headers.js';
import { type ImportPlan, type PlanContext, type Progress, silentProgress } from './import.plan.js';
import { type FileFormat, formatOf, readTable, UnreadableFile } from './import.read.js';
import { ImportCounts, type ImportProblem, type ImportRecordsInput, ImportReport } from './import.report.js';
import { planKeyPersons } from './key-persons.import.js';
import { planOrderLines, planOrders } from './orders.import.js';
import { planPayments } from './payments.import.js';

const PLANNERS: Record<ImportKind, (context: PlanContext) => Promise<ImportPlan>> = {
  [ImportKind.CUSTOMERS]: planCustomers,
  [ImportKind.KEY_PERSONS]: planKeyPersons,
  [ImportKind.ORDERS]: planOrders,
  [ImportKind.ORDER_LINES]: planOrderLines,
  [ImportKind.PAYMENTS]: planPayments,
};

export interface ImportRequest {
  format: FileFormat;
  content: Buffer;
  kind: ImportKind | null;
  dryRun: boolean;
  /** Whose customers the file may refer to; null on the command line, which acts for the company. */
  viewer: Staff | null;
  /** Recorded as the author of every CREATE change. */
  actorId: string | null;
}

function report(fields: Partial<ImportReport> & { dryRun: boolean }): ImportReport {
  return Object.assign(new ImportReport(), {
    kind: null,
    rows: 0,
    imported: new ImportCounts(),
    errors: [],
    ignoredColumns: [],
    ...fields,
  });
}

/**
 * Checks every row of a file and, when all are clean and this is no dry run, writes them all with
 * set-based statements. Run it inside ONE transaction: any failure leaves nothing behind.
 */
export async function importFile(
  em: EntityManager,
  request: ImportRequest,
  progress: Progress = silentProgress,
): Promise<ImportReport> {
  const { dryRun } = request;
  progress.phase('reading', 0);
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(request.format, request.content);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    return report({ dryRun, errors: [{ line: error.line, column: null, message: error.message }] });
  }
  const rows = table.rows.length;
  const kind = request.kind ?? inferKind(table.headers);
  if (typeof kind !== 'string') return report({ dryRun, rows, errors: [kind] });
  const { map, problems } = mapColumns(kind, table.headers);
  const ignoredColumns = map.ignored;
  if (problems.length > 0) return report({ dryRun, rows, kind, errors: problems, ignoredColumns });

  const plan = await PLANNERS[kind]({ em, viewer: request.viewer, map, rows: table.rows, progress });
  const errors: ImportProblem[] = plan.problems;
  if (errors.length > 0) return report({ dryRun, rows, kind, errors, ignoredColumns });
  if (!dryRun) {
    const batch = new ChangeBatch(request.actorId);
    await plan.write(em, batch, progress);
    // Set-based writes pass no flush, so the RiskSubscriber does not see them: refresh here, before commit.
    await refreshRiskAssessments(em, [...batch.customers]);
  }
  const imported = Object.assign(new ImportCounts(), plan.counts);
  return report({ dryRun, rows, kind, imported, ignoredColumns });
}

/** After the commit: analytics built from orders (and risks from payments) learn of the new ones. */
export async function afterImport(em: EntityManager, done: ImportReport): Promise<void> {
  const { orders, orderLines, payments } = done.imported;
  const wroteOrders = orders > 0 || orderLines > 0 || payments > 0;
  if (!done.dryRun && done.errors.length === 0 && wroteOrders) await refreshAnalytics(em);
}

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

/** The web's import: the file comes base64 in the mutation, the viewer is the actor. */
export async function importFromApi(ctx: Context, input: ImportRecordsInput): Promise<ImportReport> {
  requireAdmin(ctx);
  const format = formatOf(input.fileName);
  if (!format) throw badInput('input.fileName', 'must end in .csv or .xlsx');
  if (!BASE64.test(input.contentBase64)) throw badInput('input.contentBase64', 'is not base64');
  const request: ImportRequest = {
    format,
    content: Buffer.from(input.contentBase64, 'base64'),
    kind: input.kind ?? null,
    dryRun: input.dryRun ?? false,
    viewer: ctx.viewer,
    actorId: ctx.viewer?.id ?? null,
  };
  const done = await writeTransaction(ctx, (em) => importFile(em, request));
  await afterImport(ctx.em, done);
  return done;
}
