import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningServer, startServer } from '../../bench/http/servers.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../../src/core/database/database-url.js';
import { migrate } from '../../src/core/database/migrate.js';
import { ormConfig } from '../../src/core/database/orm.js';
import { createLogger } from '../../src/core/logger.js';
import { createProbeTable, probeRuns } from '../probe-jobs.js';

// Issue 14: scheduled jobs run once across instances, survive restarts and catch up after downtime, seen
// from two real server processes on one database, each on an injected clock (test/clocked-server.ts).
const adminUrl = inject('adminUrl');
const database = `dossier_jobs_${randomBytes(6).toString('hex')}`;
const url = withDatabase(adminUrl, database);
const log = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
let orm: MikroORM | undefined;
const servers: RunningServer[] = [];

function start(name: string, now: string): Promise<RunningServer> {
  return startServer({
    name,
    args: ['scripts/run.mjs', 'test/clocked-server.ts'],
    env: {
      DATABASE_URL: url,
      NODE_ENV: 'production',
      DOSSIER_SEED: 'none',
      LOG_LEVEL: 'warn',
      DOSSIER_TEST_NOW: now,
      DOSSIER_TEST_PROBE: name,
    },
  }).then((server) => {
    servers.push(server);
    return server;
  });
}

async function doneSlots(job: string): Promise<number> {
  const rows = await (orm as MikroORM).em
    .fork()
    .execute<Array<{ n: string }>>(`select count(*) as n from job_run where job = ? and state = 'DONE'`, [
      job,
    ]);
  return Number(rows[0]?.n ?? 0);
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

beforeAll(async () => {
  await ensureDatabase(adminUrl, database);
  orm = await MikroORM.init(ormConfig(url));
  await migrate(orm, log);
  await createProbeTable(orm);
  // The hourly job last ran at 08:00 on 1 March (Beijing): the instances come back the next day at 08:30.
  await orm.em.fork().execute(
    `insert into job_run (job, slot, state, instance, started_at, finished_at)
       values ('process_hourly', '2027-03-01T00:00:00Z', 'DONE', 'before', '2027-03-01T00:00:00Z', '2027-03-01T00:00:01Z')`,
  );
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await orm?.close();
  await dropDatabase(adminUrl, database);
});

describe('two server processes on one database', () => {
  it('run each missed slot once between them, and a restarted one runs only what came due since', async () => {
    const [a, b] = await Promise.all([
      start('A', '2027-03-02T08:30:00+08:00'),
      start('B', '2027-03-02T08:30:00+08:00'),
    ]);
    await until('the hourly slots are caught up', async () => (await doneSlots('process_hourly')) === 25);
    await until('the daily slot ran', async () => (await doneSlots('process_daily')) === 1);
    // Stopping waits for a pass in progress: after it, nothing more runs.
    await Promise.all([a.stop(), b.stop()]);
    const hourly = await probeRuns(orm as MikroORM, 'process_hourly');
    expect(hourly).toHaveLength(24);
    expect(new Set(hourly.map((run) => run.slot)).size).toBe(24);
    expect([hourly[0]?.slot, hourly[23]?.slot]).toEqual([
      '2027-03-01T01:00:00.000Z',
      '2027-03-02T00:00:00.000Z',
    ]);
    expect(await probeRuns(orm as MikroORM, 'process_daily')).toEqual([
      { slot: '2027-03-01T23:00:00.000Z', runner: expect.stringMatching(/^[AB]$/) },
    ]);

    const c = await start('C', '2027-03-02T10:05:00+08:00');
    await until('the restarted instance caught up', async () => (await doneSlots('process_hourly')) === 27);
    await c.stop();
    const after = await probeRuns(orm as MikroORM, 'process_hourly');
    expect(after.slice(24)).toEqual([
      { slot: '2027-03-02T01:00:00.000Z', runner: 'C' },
      { slot: '2027-03-02T02:00:00.000Z', runner: 'C' },
    ]);
    expect(after).toHaveLength(26);
    expect(await probeRuns(orm as MikroORM, 'process_daily')).toHaveLength(1);
  }, 180_000); // three server processes start, each migrating and starting its schedules
});
