import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { table } from '../report.js';
import type { Measurement } from './measure.js';
import { mixedBoundLines } from './mixed-bound.js';
import { type Kind, MIXED_CONNECTIONS } from './scenarios.js';
import { repositoryRoot } from './servers.js';

export interface RunInfo {
  customers: number;
  duration: number;
  connections: number;
  rounds: number;
  /** The machine: its cores and its load averages (1, 5, 15 minutes) as the run began and ended. */
  cores: number;
  loadAtStart: number[];
  /** The machine's one-minute load average at the end (shared machines: read the figures with it). */
  load: number;
  loadAtEnd: number[];
  date: Date;
  /** Statements per dossier-list request of each server at page sizes 10, 50 and 200. */
  pageSizes: Partial<Record<Kind, Array<number | string>>>;
}

/** A scenario on a server over the run's rounds: its median round, and the lowest and highest req/s. */
export interface Summary extends Measurement {
  rounds: number;
  lowest: number;
  highest: number;
}

/**
 * One Summary per scenario and server. The median round is a round that happened (for an even number of
 * rounds, the slower of the middle two), so its p50, p99 and memory belong with its throughput.
 */
export function summarise(all: Measurement[]): Summary[] {
  const groups = new Map<string, Measurement[]>();
  for (const m of all) {
    const key = `${m.scenario} ${m.server}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((rounds) => {
    const sorted = rounds.toSorted((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    const median = sorted[Math.floor((sorted.length - 1) / 2)] as Measurement;
    return {
      ...median,
      rounds: sorted.length,
      lowest: sorted[0]?.requestsPerSecond ?? 0,
      highest: sorted.at(-1)?.requestsPerSecond ?? 0,
    };
  });
}

/** "1.2 / 1.5 / 1.9", the load averages over 1, 5 and 15 minutes. */
export const loads = (averages: number[]) => averages.map((a) => a.toFixed(2)).join(' / ');

/** The machine a run's figures come from, for the console and the results' heading. */
export const machine = (cores: number, averages: number[]) =>
  `${cores} cores, load average ${loads(averages)} (1 / 5 / 15 min)`;

const SERVER_NAMES: Record<Kind, string> = {
  dossier: 'Dossier',
  unbatched: 'Dossier, batching off',
  raw: 'raw SQL (bare http)',
  postgraphile: 'PostGraphile 4.14',
};

export const perRequest = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

/** Throughput as a multiple of another server's on the same scenario, when that server ran it. */
function ratio(all: Summary[], m: Summary, base: Kind): string {
  const other = all.find((o) => o.scenario === m.scenario && o.server === base);
  return other && other.requestsPerSecond > 0
    ? `${(m.requestsPerSecond / other.requestsPerSecond).toFixed(2)}×`
    : '';
}

/** `all`: each server's median round per scenario; with rounds, their req/s range follows the median's. */
export function resultTable(all: Summary[]): string {
  const withRounds = all.some((m) => m.rounds > 1);
  const rows = all
    .toSorted((a, b) => a.scenario - b.scenario)
    .map((m) => [
      `${m.scenario}. ${m.name}`,
      SERVER_NAMES[m.server],
      String(m.connections),
      m.requestsPerSecond.toFixed(1),
      ...(withRounds ? [`${m.lowest.toFixed(1)}–${m.highest.toFixed(1)} (${m.rounds})`] : []),
      `${m.p50} ms`,
      `${m.p99} ms`,
      m.timeouts > 0 ? `${m.errors} (${m.timeouts} timed out)` : String(m.errors),
      perRequest(m.statementsPerRequest),
      Number.isFinite(m.cpuMsPerRequest) ? `${m.cpuMsPerRequest.toFixed(1)} ms` : '–',
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
      withRounds ? 'req/s (median round)' : 'req/s',
      ...(withRounds ? ['range (rounds)'] : []),
      'p50',
      'p99',
      'errors',
      'SQL/req',
      'CPU/req',
      'RSS at end',
      'load',
      'vs raw',
      'vs PostGraphile',
      'vs batching off',
    ],
    ...rows,
  ]);
}

/** The mixed scenario's memory: issue 11 asks for RSS < 300 MB after 60 s of it. */
function mixedMemory(summaries: Summary[]): string[] {
  const mixed = summaries.filter((m) => m.scenario === 5);
  if (mixed.length === 0) return [];
  const each = mixed.map((m) => `${SERVER_NAMES[m.server]} ${m.rssMb.toFixed(0)} MB`).join(', ');
  const seconds = Math.max(...mixed.map((m) => m.seconds));
  return [
    `Mixed scenario: server RSS at the end of its ${seconds.toFixed(0)} s run: ${each} (goal: < 300 MB after 60 s).`,
  ];
}

/**
 * Prints the table (each server's median round) and writes it to bench/results/<date>.md, every round's
 * figures to <date>.json (git-ignored).
 */
export async function writeResults(all: Measurement[], run: RunInfo): Promise<void> {
  const summaries = summarise(all);
  const heading =
    `pnpm bench: ${run.customers} customers, ${run.duration} s per scenario, server and round, ` +
    `${run.rounds} round${run.rounds === 1 ? '' : 's'}, ${run.connections} connections (scenario 5: ${MIXED_CONNECTIONS}); ` +
    `${machine(run.cores, run.loadAtStart)} at the start, ${loads(run.loadAtEnd)} at the end; ${run.date.toISOString()}`;
  const sizes = Object.entries(run.pageSizes).map(
    ([kind, counts]) =>
      `${SERVER_NAMES[kind as Kind]}: ${counts.join(' / ')} statements for a dossier list of 10 / 50 / 200`,
  );
  const text = [
    resultTable(summaries),
    '',
    ...sizes,
    ...mixedMemory(summaries),
    ...mixedBoundLines(summaries),
  ].join('\n');
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
    `${JSON.stringify({ run, summaries, measurements: all }, null, 2)}\n`,
  );
  console.log(`\nwritten to bench/results/${name}.md and .json`);
}
