/** Seconds since `start` (a performance.now() value), one decimal. */
export const secondsSince = (start: number) => ((performance.now() - start) / 1000).toFixed(1);

/** Runs one phase of a run, printing its name and then how long it took. */
export async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  process.stdout.write(`${name.padEnd(34, ' ')}`);
  const result = await work();
  process.stdout.write(`${secondsSince(start).padStart(8, ' ')} s\n`);
  return result;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A plain-text table: the first row is the header, columns padded to their widest cell. */
export function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  const [header, ...body] = rows;
  return [line(header ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
