import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { table } from '../report.js';
import type { Measurement } from './measure.js';
import type { Kind } from './scenarios.js';
import { repositoryRoot } from './servers.js';

export interface RunInfo {
  customers: number;
  duration: number;
  connections: number;
  /** The machine's one-minute load average at the end (shared machines: read the figures with it). */
  load: number;
  date: Date;
  /** Statements per dossier-list request of our servers at page sizes 10, 50 and 200. */
  pageSizes: Partial<Record<Kind, Array<number | string>>>;
}

const SERVER_NAMES: Record<Kind, string> = {
  dossier: 'Dossier',
  unbatched: 'Dossier, batching off',
  raw: 'raw SQL (bare http)',
  postgraphile: 'PostGraphile 4.14',
};

export const perRequest = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

/** Throughput as a multiple of another server's on the same scenario, when that server ran it. */
function ratio(all: Measurement[], m: Measurement, base: Kind): string {
  const other = all.find((o) => o.scenario === m.scenario && o.server === base);
  return other && other.requestsPerSecond > 0
    ? `${(m.requestsPerSecond / other.requestsPerSecond).toFixed(2)}×`
    : '';
}

export function resultTable(all: Measurement[]): string {
  const rows = all
    .toSorted((a, b) => a.scenario - b.scenario)
    .map((m) => [
      `${m.scenario}. ${m.name}`,
      SERVER_NAMES[m.server],
      String(m.connections),
      m.requestsPerSecond.toFixed(1),
      `${m.p50} ms`,
      `${m.p99} ms`,
      m.timeouts > 0 ? `${m.errors} (${m.timeouts} timed out)` : String(m.errors),
      perRequest(m.statementsPerRequest),
      `${m.rssMb.toFixed(0)} MB`,
      m.load.toFixed(1),
      ratio(all, m, 'raw'),
      ratio(all, m, 'postgraphile'),
      m.server === 'dossier' ? ratio(all, m, 'unbatched') : '',
    ]);
  return table([
    [
      'scenario',
      'server',
      'conn.',
      'req/s',
      'p50',
      'p99',
      'errors',
      'SQL/req',
      'RSS',
      'load',
      'vs raw',
      'vs PostGraphile',
      'vs batching off',
    ],
    ...rows,
  ]);
}

/** Prints the table and writes it to bench/results/<date>.md, the figures to <date>.json (git-ignored). */
export async function writeResults(all: Measurement[], run: RunInfo): Promise<void> {
  const heading =
    `pnpm bench: ${run.customers} customers, ${run.duration} s per scenario and server, ` +
    `${run.connections} connections (scenario 5: 32), load average ${run.load.toFixed(2)} at the end, ${run.date.toISOString()}`;
  const sizes = Object.entries(run.pageSizes).map(
    ([kind, counts]) =>
      `${SERVER_NAMES[kind as Kind]}: ${counts.join(' / ')} statements for a dossier list of 10 / 50 / 200`,
  );
  const text = [resultTable(all), '', ...sizes].join('\n');
  console.log(`\n${heading}\n\n${text}`);
  const errors = all
    .filter((m) => m.firstError)
    .map((m) => `- ${SERVER_NAMES[m.server]}, scenario ${m.scenario}: ${m.firstError}`);
  const folder = path.join(repositoryRoot, 'bench', 'results');
  await mkdir(folder, { recursive: true });
  const name = run.date
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z');
  await writeFile(
    path.join(folder, `${name}.md`),
    `# ${heading}\n\n\`\`\`\n${text}\n\`\`\`\n${errors.length ? `\nFirst errors:\n${errors.join('\n')}\n` : ''}`,
  );
  await writeFile(
    path.join(folder, `${name}.json`),
    `${JSON.stringify({ run, measurements: all }, null, 2)}\n`,
  );
  console.log(`\nwritten to bench/results/${name}.md and .json`);
}
