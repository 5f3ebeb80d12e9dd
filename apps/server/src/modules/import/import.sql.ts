import type { Progress } from './import.plan.js';

export type SqlType = 'uuid' | 'text' | 'date' | 'numeric' | 'int';
type Value = string | number | null;

/** A PostgreSQL array literal, so a whole column travels as ONE parameter: {"a","b",NULL}. */
export function arrayLiteral(values: readonly Value[]): string {
  const items = values.map((value) =>
    value === null ? 'NULL' : `"${String(value).replace(/[\\"]/g, (char) => `\\${char}`)}"`,
  );
  return `{${items.join(',')}}`;
}

/** Columns of rows, each with its type: the shape `unnest` wants. */
export type Columns = Record<string, [SqlType, Value[]]>;

/**
 * `unnest(?::uuid[], ?::text[], …) as u(a, b, …)`: a set of rows from one array parameter per column, for
 * INSERT … SELECT. The arrays go through em.execute, so the statement joins the caller's transaction.
 */
export function unnest(columns: Columns): { columns: string; from: string; params: string[] } {
  const names = Object.keys(columns);
  const types = names.map((name) => `?::${columns[name]?.[0]}[]`);
  return {
    columns: names.join(', '),
    from: `unnest(${types.join(', ')}) as u(${names.join(', ')})`,
    params: names.map((name) => arrayLiteral(columns[name]?.[1] ?? [])),
  };
}

/** Column arrays of records, one array per column. */
export function columnsOf<R>(
  records: readonly R[],
  spec: Record<string, [SqlType, (record: R) => Value]>,
): Columns {
  return Object.fromEntries(
    Object.entries(spec).map(([name, [type, read]]) => [name, [type, records.map(read)]]),
  );
}

export const CHUNK_ROWS = 5000;

/** Splits rows into statement-sized chunks: bounded memory per statement, and a progress bar that moves. */
export async function inChunks<R>(
  records: readonly R[],
  progress: Progress,
  write: (chunk: readonly R[]) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < records.length; start += CHUNK_ROWS) {
    const chunk = records.slice(start, start + CHUNK_ROWS);
    await write(chunk);
    progress.advance(chunk.length);
  }
}
