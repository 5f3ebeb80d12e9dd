import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/core/database/connect.js';
import { createLogger } from '../../src/core/logger.js';
import { benchEnv } from '../database.js';
import { phase } from '../report.js';
import { type Answers, assertSameAnswers } from './answers.js';
import type { Fixtures } from './fixtures.js';
import { type Measurement, measure, statementsByPageSize } from './measure.js';
import { benchOptions } from './options.js';
import { preparePostgraphile } from './postgraphile-schema.js';
import { dossierServerEnv, prepareBenchData } from './prepare.js';
import { printTopFrames } from './profile-top.js';
import { machine, perRequest, type RunInfo, writeResults } from './results.js';
import { dossierListBody, KINDS, type Kind, scenarios } from './scenarios.js';
import { type RunningServer, repositoryRoot, type ServerSpec, serverRoot, startServer } from './servers.js';
import { statementCounter, statementStatsReady } from './statements.js';

// `pnpm bench`: the end-to-end HTTP benchmark of issue 11. Prepares the bench data (bench:data's loader),
// starts our server (built, as `pnpm start` runs it), ours with DataLoader batching off, and the two
// baselines, each a child process on loopback; runs scenarios 1–5 with autocannon as a signed-in regional
// manager, `--rounds` times, the servers in turn; prints and writes the figures.

const options = benchOptions(process.argv.slice(2));
const env = benchEnv();
const log = createLogger(env);

/** The bench's database with pg_stat_statements loaded (the bench's own cluster: enabled and restarted once). */
async function openCluster() {
  const database = await openDatabase(env, log);
  if (await statementStatsReady(database.url, database.embedded)) return database;
  await database.stop();
  const restarted = await openDatabase(env, log);
  await statementStatsReady(restarted.url, false);
  return restarted;
}

function specs(databaseUrl: string): Record<Kind, ServerSpec> {
  const ours = dossierServerEnv(databaseUrl);
  return {
    dossier: {
      name: 'dossier',
      args: ['scripts/start.mjs'],
      env: options.cpuProf
        ? {
            ...ours,
            NODE_OPTIONS: `--import ${path.join(serverRoot, 'bench/http/cpu-profile.mjs')}`,
            BENCH_CPU_PROFILE_DIR: PROFILES,
          }
        : ours,
    },
    unbatched: {
      name: 'dossier, batching off',
      args: ['scripts/start.mjs'],
      env: { ...ours, NODE_OPTIONS: `--import ${path.join(serverRoot, 'bench/http/no-batching.mjs')}` },
    },
    raw: {
      name: 'raw SQL',
      args: ['bench/http/raw-server.mjs'],
      env: { DATABASE_URL: databaseUrl },
    },
    postgraphile: {
      name: 'PostGraphile 4',
      args: [path.join(repositoryRoot, 'bench/postgraphile/server.mjs')],
      env: { DATABASE_URL: databaseUrl },
    },
  };
}

/** Where --cpu-prof puts our server's CPU profiles (cpu-profile.mjs). */
const PROFILES = path.join(repositoryRoot, 'bench', 'results', 'profiles');

/** Starts each server in turn; every one is up, its answers compared, before anything is written. */
async function startAll(
  kinds: Kind[],
  databaseUrl: string,
  fixtures: Fixtures,
  listed: boolean,
  counter: Awaited<ReturnType<typeof statementCounter>>,
  running: Map<Kind, RunningServer>,
): Promise<RunInfo['pageSizes']> {
  for (const kind of kinds) {
    const spec = specs(databaseUrl)[kind];
    running.set(kind, await phase(`start ${spec.name}`, () => startServer(spec)));
  }
  const answers: Answers = {};
  const pageSizes: RunInfo['pageSizes'] = {};
  for (const [kind, server] of running) {
    await assertSameAnswers(kind, server, fixtures, answers);
    if (listed) {
      const body = (first: number) => dossierListBody(fixtures, kind, first);
      pageSizes[kind] = await statementsByPageSize(server, fixtures.token, body, counter);
    }
  }
  return pageSizes;
}

async function main() {
  const loadAtStart = loadavg();
  console.log(`machine: ${machine(availableParallelism(), loadAtStart)}`);
  const database = await openCluster();
  try {
    const fixtures = await prepareBenchData(database.url, env, options.customers, options.reload);
    await preparePostgraphile(database.url);
    const chosen = scenarios(fixtures, options.connections).filter(
      (s) => options.scenarios.length === 0 || options.scenarios.includes(s.key),
    );
    const kinds = KINDS.filter((k) => options.servers.length === 0 || options.servers.includes(k)).filter(
      (k) => chosen.some((s) => s.kinds.includes(k)),
    );
    const counter = await statementCounter(database.url);
    const measurements: Measurement[] = [];
    const running = new Map<Kind, RunningServer>();
    let pageSizes: RunInfo['pageSizes'] = {};
    try {
      pageSizes = await startAll(
        kinds,
        database.url,
        fixtures,
        chosen.some((s) => s.key === 1),
        counter,
        running,
      );
      // One server at a time, so that each has both cores it shares with PostgreSQL to itself (the others
      // idle); round by round, so that a busy spell of a shared machine does not fall on one server only.
      for (const scenario of chosen) {
        for (let round = 1; round <= options.rounds; round += 1) {
          for (const [kind, server] of running) {
            if (!scenario.kinds.includes(kind)) continue;
            const result = await measure(
              scenario,
              kind,
              server,
              fixtures.token,
              options.duration,
              counter,
              round,
            );
            console.log(
              `  ${scenario.key}. ${scenario.name.padEnd(18)} ${`round ${round}/${options.rounds}`.padEnd(11)} ${server.name.padEnd(21)} ` +
                `${result.requestsPerSecond.toFixed(1).padStart(7)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors}  ` +
                `${perRequest(result.statementsPerRequest)} statements/request  CPU ${perRequest(result.cpuMsPerRequest)} ms/request  RSS ${result.rssMb.toFixed(0)} MB after ${result.seconds.toFixed(0)} s  load ${result.load.toFixed(1)}`,
            );
            if (result.firstError) console.log(`     first error: ${result.firstError}`);
            measurements.push(result);
          }
        }
      }
    } finally {
      for (const server of running.values()) await server.stop();
      await counter.close();
    }
    const loadAtEnd = loadavg();
    await writeResults(measurements, {
      customers: options.customers,
      duration: options.duration,
      connections: options.connections,
      rounds: options.rounds,
      cores: availableParallelism(),
      loadAtStart,
      load: loadAtEnd[0] ?? 0,
      loadAtEnd,
      date: new Date(),
      pageSizes,
    });
    if (options.cpuProf) await printTopFrames(PROFILES);
  } finally {
    await database.stop();
  }
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
