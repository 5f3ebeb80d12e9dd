import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase, projectRoot } from '../../src/core/database/connect.js';
import { createLogger } from '../../src/core/logger.js';
import { benchEnv } from '../database.js';
import { SET_RELATIONSHIP_STATE } from '../http/documents.js';
import type { Fixtures } from '../http/fixtures.js';
import { dossierServerEnv, prepareBenchData } from '../http/prepare.js';
import { MIXED_CONNECTIONS, scenarios } from '../http/scenarios.js';
import { type RunningServer, startServer } from '../http/servers.js';
import { phase, table } from '../report.js';
import { databaseState, violations } from './invariants.js';
import { memoryFigures, sampleRss } from './memory.js';
import { soakOptions } from './options.js';
import { tally } from './tally.js';

// `pnpm soak [seconds]`: issue 12's soak. Runs the bench's mixed scenario (5: 80% reads of the dossier list,
// one dossier and the dashboard, 20% relationship writes, 32 connections) against our production build for
// the given time, reads the server's memory twice a second, then checks what must hold after any load: every
// answer a 200 without errors but VERSION_CONFLICT, each written relationship's version and history grown
// by exactly its acknowledged writes, nothing else added or lost, memory flat after warm-up. Prints the
// figures; exits 1 when an invariant broke.

const options = soakOptions(process.argv.slice(2));
// Its own embedded PostgreSQL (not the bench's 100k customers), unless DATABASE_URL names one.
const env = { ...benchEnv(), DOSSIER_DATA_DIR: path.join(projectRoot(), '.data', 'soak', 'postgres') };

/**
 * The server answers a request unanswered after this with TIMEOUT (503), an error the soak counts; the
 * client waits 5 s longer, so that a request it gives up on is one the server left hanging past its promise.
 */
const REQUEST_TIMEOUT_MS = 30_000;

/** The mixed scenario's writes: bodies that begin with its one mutation (scenarios.ts puts the query first). */
const WRITE = JSON.stringify({ query: SET_RELATIONSHIP_STATE }).slice(0, -2);
const isWrite = (body: string) => body.startsWith(WRITE);

async function load(server: RunningServer, url: string, fixtures: Fixtures) {
  const ids = fixtures.relationships.map((r) => r.id);
  const mixed = scenarios(fixtures, MIXED_CONNECTIONS).find((s) => s.key === 5);
  if (!mixed) throw new Error('no mixed scenario');
  const before = await databaseState(url, ids);
  const client = tally(ids);
  const memory = sampleRss(() => server.rssMb());
  const result = await autocannon({
    url: server.url,
    connections: mixed.connections,
    duration: options.seconds,
    timeout: REQUEST_TIMEOUT_MS / 1000 + 5,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${fixtures.token}` },
    requests: [
      {
        setupRequest: (request, context) => {
          const call = mixed.next('dossier');
          Object.assign(context, { call });
          client.sent(isWrite(call.body));
          return { ...request, body: call.body };
        },
        onResponse: (status, body, context) => {
          const { call } = context as { call?: ReturnType<typeof mixed.next> };
          client.answered(status, body, isWrite(call?.body ?? ''));
          call?.answered?.(status, body);
        },
      },
    ],
  });
  client.unanswered(result.errors, result.timeouts);
  const samples = await memory.stop();
  const memoryUse = memoryFigures(samples, options.seconds);
  // Stopped, the server commits nothing more: the writes in flight when the load ended are in, or never.
  await server.stop();
  const after = await databaseState(url, ids);
  const broken = violations({
    before,
    after,
    outcomes: client.outcomes,
    acknowledged: client.acknowledged,
    unansweredWrites: client.unansweredWrites(),
    memoryGrowth: memoryUse.growth,
  });
  const writes = [...client.acknowledged.values()].reduce((sum, n) => sum + n, 0);
  return {
    seconds: result.duration,
    connections: mixed.connections,
    customers: options.customers,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    outcomes: client.outcomes,
    acknowledgedWrites: writes,
    unansweredWrites: client.unansweredWrites(),
    relationshipsWritten: client.acknowledged.size,
    memory: memoryUse,
    /** The server's memory every tenth of the run, in MB. */
    rssCurve: Array.from({ length: 11 }, (_, tenth) =>
      Math.round(
        samples.find((sample) => sample.at >= (options.seconds * tenth) / 10)?.mb ?? samples.at(-1)?.mb ?? 0,
      ),
    ),
    load: loadavg()[0] ?? 0,
    violations: broken,
  };
}

function print(report: Awaited<ReturnType<typeof load>>) {
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  console.log(
    `\n${table([
      ['figure', 'value'],
      ['duration', `${report.seconds.toFixed(0)} s, ${report.connections} connections`],
      ['requests', String(report.requests)],
      ['req/s', report.requestsPerSecond.toFixed(1)],
      ['latency p50 / p99', `${report.p50} / ${report.p99} ms`],
      ...Object.entries(report.outcomes).map(([outcome, n]) => [`answers ${outcome}`, String(n)]),
      ['writes acknowledged', `${report.acknowledgedWrites} on ${report.relationshipsWritten} relationships`],
      ['writes unanswered at the end', String(report.unansweredWrites)],
      [
        'RSS start / warm / end',
        `${mb(report.memory.startMb)} / ${mb(report.memory.warmMb)} / ${mb(report.memory.endMb)}`,
      ],
      ['RSS every tenth of the run', report.rssCurve.join(' ')],
      ['RSS growth after warm-up', `${(report.memory.growth * 100).toFixed(1)}%`],
      ['load average at the end', report.load.toFixed(1)],
    ])}\n`,
  );
  if (report.violations.length === 0) console.log('every invariant held');
  for (const broken of report.violations) console.log(`INVARIANT BROKEN: ${broken}`);
}

async function main(): Promise<boolean> {
  const database = await openDatabase(env, createLogger(env));
  try {
    const fixtures = await prepareBenchData(database.url, env, options.customers);
    const server = await phase('start the server (production build)', () =>
      startServer({
        name: 'dossier',
        args: ['scripts/start.mjs'],
        env: { ...dossierServerEnv(database.url), DOSSIER_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) },
      }),
    );
    try {
      console.log(`soak: the mixed scenario for ${options.seconds} s on ${options.customers} customers`);
      const report = await load(server, database.url, fixtures);
      print(report);
      if (options.report) await writeFile(options.report, `${JSON.stringify(report, null, 2)}\n`);
      return report.violations.length === 0;
    } finally {
      await server.stop();
    }
  } finally {
    await database.stop();
  }
}

try {
  process.exit((await main()) ? 0 : 1);
} catch (error) {
  console.error(error);
  process.exit(2);
}
