import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ImportKind } from './import.columns.js';
import { formatOf } from './import.read.js';
import type { ImportReport } from './import.report.js';
import { afterImport, importFile } from './import.service.js';
import { TerminalProgress } from './progress.js';

/** A command-line mistake: the usage is printed and the command exits 2 without touching the database. */
export class UsageError extends Error {}

export type Task = (orm: MikroORM) => Promise<number>;

/**
 * A file named on the command line. pnpm runs the script in apps/server; INIT_CWD is where pnpm started (the
 * repository root when called through the root script's nested pnpm), so relative paths start there.
 */
export async function readUserFile(file: string): Promise<Buffer> {
  const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  try {
    return await readFile(resolved);
  } catch (error) {
    throw new UsageError(`cannot read ${resolved}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}

/** The staff member named by `--as`, recorded as the author of the changes; none means a system import. */
export async function actorOf(orm: MikroORM, email: string | undefined): Promise<string | null> {
  if (email === undefined) return null;
  const [row] = await orm.em
    .fork()
    .execute<Array<{ id: string }>>('select id from staff where lower(email) = lower(?)', [email]);
  if (!row) throw new UsageError(`--as ${email}: no staff member has this e-mail`);
  return row.id;
}

const count = (n: number) => n.toLocaleString('en-US');

function summary(report: ImportReport, seconds: number): string {
  const made = Object.entries(report.imported)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${count(n)} ${kind}`)
    .join(', ');
  if (report.errors.length > 0) {
    const lines = new Set(report.errors.map((error) => error.line)).size;
    return `${count(report.errors.length)} problem(s) on ${count(lines)} line(s); nothing was imported`;
  }
  if (report.dryRun) return `dry run: all ${count(report.rows)} rows are fine; a real run imports ${made}`;
  const rate = Math.round(report.rows / seconds);
  return `imported ${made} from ${count(report.rows)} rows in ${seconds.toFixed(1)} s (${count(rate)} rows/s)`;
}

/** `dossier import <file> [--dry-run] [--kind …] [--as <e-mail>]` */
export function importCommand(args: string[]): Task {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, kind: { type: 'string' }, as: { type: 'string' } },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('import takes exactly one file');
  const format = formatOf(file);
  if (!format) throw new UsageError(`${file}: only .csv and .xlsx files can be imported`);
  const kinds = Object.values(ImportKind) as string[];
  if (values.kind !== undefined && !kinds.includes(values.kind)) {
    throw new UsageError(`--kind must be one of ${kinds.join(', ')}`);
  }
  return async (orm) => {
    const content = await readUserFile(file);
    const actorId = await actorOf(orm, values.as);
    const progress = new TerminalProgress();
    const started = performance.now();
    const request = {
      format,
      content,
      kind: (values.kind as ImportKind | undefined) ?? null,
      dryRun: values['dry-run'] ?? false,
      viewer: null,
      actorId,
    };
    const report = await orm.em.fork().transactional((em) => importFile(em, request, progress));
    progress.end();
    await afterImport(orm.em.fork(), report);
    for (const error of report.errors) {
      console.log(`line ${error.line}${error.column ? `, ${error.column}` : ''}: ${error.message}`);
    }
    if (report.ignoredColumns.length > 0) console.log(`not imported: ${report.ignoredColumns.join(', ')}`);
    console.log(summary(report, (performance.now() - started) / 1000));
    return report.errors.length > 0 ? 1 : 0;
  };
}
