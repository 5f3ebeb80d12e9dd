import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeBatch } from '../history/history.writer.js';
import type { Staff } from '../staff/staff.entity.js';
import { RowReader } from './import.cells.js';
import type { ColumnMap } from './import.headers.js';
import type { TableRow } from './import.read.js';
import type { ImportCounts, ImportProblem } from './import.report.js';

/** Where a long import reports how far it is; the command line draws it, the API ignores it. */
export interface Progress {
  phase(name: string, total: number): void;
  advance(rows: number): void;
}

export const silentProgress: Progress = { phase: () => undefined, advance: () => undefined };

export interface PlanContext {
  em: EntityManager;
  viewer: Staff | null;
  map: ColumnMap;
  rows: readonly TableRow[];
  progress: Progress;
}

/**
 * A checked file: its problems, what it would create, and how to write it (only when clean). `write` records
 * its history in `batch` (insertWithHistory) and adds every customer whose dossier it changed to it.
 */
export interface ImportPlan {
  problems: ImportProblem[];
  counts: Partial<ImportCounts>;
  write(em: EntityManager, batch: ChangeBatch, progress: Progress): Promise<void>;
}

export interface Parsed<R> {
  reader: RowReader;
  record: R;
}

const PROGRESS_STEP = 5000;

/** Reads every row into a record; bad cells are problems of their row and read as null. */
export function parseRows<R>(context: PlanContext, parse: (reader: RowReader) => R): Array<Parsed<R>> {
  const { rows, progress } = context;
  progress.phase('checking', rows.length);
  let reported = 0;
  const parsed = rows.map((row, i) => {
    if (i - reported === PROGRESS_STEP) {
      progress.advance(PROGRESS_STEP);
      reported = i;
    }
    const reader = new RowReader(context.map, row);
    return { reader, record: parse(reader) };
  });
  progress.advance(rows.length - reported);
  return parsed;
}

/** Every problem of every row, in file order. */
export function problemsOf(parsed: ReadonlyArray<Parsed<unknown>>): ImportProblem[] {
  return parsed.flatMap(({ reader }) => reader.problems).sort((a, b) => a.line - b.line);
}

/** Flags the second and later rows that repeat a value that must be unique in the file. */
export function flagRepeats<R>(
  parsed: ReadonlyArray<Parsed<R>>,
  field: string,
  keyOf: (record: R) => string | null,
): void {
  const firstLine = new Map<string, number>();
  for (const { reader, record } of parsed) {
    const key = keyOf(record);
    if (key === null) continue;
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, reader.line);
    else reader.fail(field, `repeats "${key}" of line ${first}`);
  }
}

/** Values to look up, skipping cells that were empty or bad. */
export const present = <T>(values: ReadonlyArray<T | null>): T[] => values.filter((v): v is T => v !== null);
