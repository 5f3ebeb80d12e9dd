import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { sample } from '../../../test/metrics-sample.js';
import { createProbeTable, probeJob, probeRuns } from '../../../test/probe-jobs.js';
import { type Clock, fixedClock, localDateAt } from '../clock/clock.js';
import { ormConfig } from '../database/orm.js';
import { createLogger } from '../logger.js';
import { DossierMetrics } from '../metrics/metrics.js';
import { type JobRunnerOptions, runDueJobs, type SlotOutcome, startJobs } from './job-runner.js';
import type { ScheduledJob } from './scheduled-job.js';

// Every pass gets the clock of its moment; the business time zone is Beijing's (UTC+8), so the daily slot
// '0 7 * * *' is 23:00 UTC of the day before.
const db = await testDatabase({ clock: fixedClock('2027-03-01T08:00:00+08:00') });
const log = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
const DAILY = '0 7 * * *';
const others: MikroORM[] = [];

beforeAll(() => createProbeTable(db.orm));
afterAll(async () => {
  for (const orm of others) await orm.close();
});

const runner = (instance: string, metrics = new DossierMetrics(db.orm, log)): JobRunnerOptions => ({
  log,
  metrics,
  instance,
});

/** One pass of `jobs` on `orm` at `at` (Beijing time unless the ISO string says otherwise). */
const pass = (at: string, jobs: ScheduledJob[], options = runner('A'), orm: MikroORM = db.orm) =>
  runDueJobs(orm, fixedClock(at), jobs, options);

const slots = (outcomes: SlotOutcome[]) => outcomes.map((o) => `${o.job} ${o.slot.toISOString()} ${o.state}`);

async function ledger(job: string) {
  const rows = await db.orm.em
    .fork()
    .execute<Array<{ slot: Date; state: string; attempts: number; instance: string; error: string | null }>>(
      'select slot, state, attempts, instance, error from job_run where job = ? order by slot',
      [job],
    );
  return rows.map((r) => ({
    ...r,
    slot: new Date(r.slot).toISOString(),
    error: r.error?.split('\n')[0] ?? null,
  }));
}

async function anotherOrm(): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(db.url));
  others.push(orm);
  return orm;
}

describe('a slot', () => {
  it('runs once however many passes find it due, and not before its time', async () => {
    const job = probeJob('once', DAILY);
    expect(slots(await pass('2027-03-10T07:00:00+08:00', [job]))).toEqual([
      'once 2027-03-09T23:00:00.000Z DONE',
    ]);
    expect(slots(await pass('2027-03-10T07:00:40+08:00', [job]))).toEqual([]);
    expect(slots(await pass('2027-03-11T06:59:59+08:00', [job]))).toEqual([]);
    expect(slots(await pass('2027-03-11T07:00:00+08:00', [job]))).toEqual([
      'once 2027-03-10T23:00:00.000Z DONE',
    ]);
    expect(await probeRuns(db.orm, 'once')).toEqual([
      { slot: '2027-03-09T23:00:00.000Z', runner: 'test' },
      { slot: '2027-03-10T23:00:00.000Z', runner: 'test' },
    ]);
    expect(await ledger('once')).toEqual([
      { slot: '2027-03-09T23:00:00.000Z', state: 'DONE', attempts: 1, instance: 'A', error: null },
      { slot: '2027-03-10T23:00:00.000Z', state: 'DONE', attempts: 1, instance: 'A', error: null },
    ]);
  });
});

describe('the first pass of a job', () => {
  it('runs only its newest slot, not the pattern since the epoch, even when it catches up all', async () => {
    const monthly = probeJob('first_monthly', '0 6 5 * *', { catchUp: 'all' });
    expect(slots(await pass('2027-03-20T09:00:00+08:00', [monthly]))).toEqual([
      'first_monthly 2027-03-04T22:00:00.000Z DONE',
    ]);
  });
});

describe('after downtime', () => {
  it("runs only the newest missed slot of a 'latest' job and every missed slot of an 'all' job, in order", async () => {
    const latest = probeJob('down_latest', DAILY);
    const all = probeJob('down_all', DAILY, { catchUp: 'all' });
    await pass('2027-03-01T08:00:00+08:00', [latest, all]);
    // Down from the 1st to the 5th.
    expect(slots(await pass('2027-03-05T08:00:00+08:00', [latest, all]))).toEqual([
      'down_latest 2027-03-04T23:00:00.000Z DONE',
      'down_all 2027-03-01T23:00:00.000Z DONE',
      'down_all 2027-03-02T23:00:00.000Z DONE',
      'down_all 2027-03-03T23:00:00.000Z DONE',
      'down_all 2027-03-04T23:00:00.000Z DONE',
    ]);
    expect((await probeRuns(db.orm, 'down_latest')).map((r) => r.slot)).toEqual([
      '2027-02-28T23:00:00.000Z',
      '2027-03-04T23:00:00.000Z',
    ]);
    expect(await probeRuns(db.orm, 'down_all')).toHaveLength(5);
  });

  it('catches up at most the 24 newest slots', async () => {
    const all = probeJob('down_long', DAILY, { catchUp: 'all' });
    await pass('2027-01-01T08:00:00+08:00', [all]);
    const caught = await pass('2027-03-01T08:00:00+08:00', [all]);
    expect(caught).toHaveLength(24);
    expect([caught[0]?.slot.toISOString(), caught[23]?.slot.toISOString()]).toEqual([
      '2027-02-05T23:00:00.000Z',
      '2027-02-28T23:00:00.000Z',
    ]);
  });
});

describe('a restart', () => {
  it('does not run again what a runner before it did, on a new connection pool and instance', async () => {
    const job = probeJob('restart', DAILY, { catchUp: 'all' });
    await pass('2027-03-01T08:00:00+08:00', [job]);
    await pass('2027-03-02T08:00:00+08:00', [job]);
    const restarted = await anotherOrm();
    expect(slots(await pass('2027-03-02T09:00:00+08:00', [job], runner('B'), restarted))).toEqual([]);
    expect(slots(await pass('2027-03-03T08:00:00+08:00', [job], runner('B'), restarted))).toEqual([
      'restart 2027-03-02T23:00:00.000Z DONE',
    ]);
    expect((await ledger('restart')).map((r) => `${r.slot} ${r.instance}`)).toEqual([
      '2027-02-28T23:00:00.000Z A',
      '2027-03-01T23:00:00.000Z A',
      '2027-03-02T23:00:00.000Z B',
    ]);
  });
});

describe('a failing job', () => {
  it('is recorded FAILED with its error, counted in the metrics, and retried on a later pass', async () => {
    let broken = true;
    const job = probeJob('flaky', DAILY, { fails: () => broken });
    const metrics = new DossierMetrics(db.orm, log);
    const failed = await pass('2027-03-10T07:00:00+08:00', [job], runner('A', metrics));
    expect(slots(failed)).toEqual(['flaky 2027-03-09T23:00:00.000Z FAILED']);
    expect(await ledger('flaky')).toEqual([
      {
        slot: '2027-03-09T23:00:00.000Z',
        state: 'FAILED',
        attempts: 1,
        instance: 'A',
        error: 'Error: flaky could not reach the mail server',
      },
    ]);
    let scraped = await metrics.scrape();
    expect(sample(scraped, 'dossier_job_runs_total{job="flaky"}')).toBe(1);
    expect(sample(scraped, 'dossier_job_failures_total{job="flaky"}')).toBe(1);
    expect(sample(scraped, 'dossier_job_duration_seconds_count{job="flaky"}')).toBe(1);

    // Retried ten minutes after the failure, not on the very next pass.
    expect(slots(await pass('2027-03-10T07:05:00+08:00', [job], runner('A', metrics)))).toEqual([]);
    broken = false;
    expect(slots(await pass('2027-03-10T07:10:00+08:00', [job], runner('B', metrics)))).toEqual([
      'flaky 2027-03-09T23:00:00.000Z DONE',
    ]);
    expect(await ledger('flaky')).toEqual([
      { slot: '2027-03-09T23:00:00.000Z', state: 'DONE', attempts: 2, instance: 'B', error: null },
    ]);
    scraped = await metrics.scrape();
    expect(sample(scraped, 'dossier_job_runs_total{job="flaky"}')).toBe(2);
    expect(sample(scraped, 'dossier_job_failures_total{job="flaky"}')).toBe(1);
    expect(await probeRuns(db.orm, 'flaky')).toHaveLength(1);
  });

  it('stops being retried after its attempts run out', async () => {
    const job = probeJob('broken', DAILY, { fails: () => true });
    const options = { ...runner('A'), retryAfterMs: 0, maxAttempts: 3 };
    const attempts: number[] = [];
    for (const minute of ['00', '01', '02', '03', '04']) {
      for (const outcome of await pass(`2027-03-10T07:${minute}:00+08:00`, [job], options)) {
        attempts.push(outcome.attempt);
      }
    }
    expect(attempts).toEqual([1, 2, 3]);
    expect((await ledger('broken')).map((r) => `${r.state} ${r.attempts}`)).toEqual(['FAILED 3']);
  });
});

describe('a claim whose instance died', () => {
  it('is taken over once its lease of an hour has run out', async () => {
    const job = probeJob('orphan', DAILY);
    await db.orm.em
      .fork()
      .execute(
        `insert into job_run (job, slot, state, instance, started_at) values ('orphan', '2027-03-09T23:00:00Z', 'RUNNING', 'dead', '2027-03-09T23:00:05Z')`,
      );
    expect(slots(await pass('2027-03-10T07:30:00+08:00', [job]))).toEqual([]);
    expect(slots(await pass('2027-03-10T08:00:05+08:00', [job]))).toEqual([
      'orphan 2027-03-09T23:00:00.000Z DONE',
    ]);
    expect((await ledger('orphan')).map((r) => `${r.state} ${r.attempts} ${r.instance}`)).toEqual([
      'DONE 2 A',
    ]);
  });
});

describe('a claim whose run lasts longer than the lease', () => {
  it('is kept while its instance beats for it, and recorded by that instance once done', async () => {
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const long: ScheduledJob = { name: 'long', cron: DAILY, catchUp: 'latest', run: () => finished };
    // The instance's clock moves on while the run lasts; a lease of 1 s makes it beat every 250 ms.
    let now = new Date('2027-03-10T07:00:05+08:00');
    const moving: Clock = {
      timeZone: 'Asia/Shanghai',
      now: () => new Date(now),
      today: () => localDateAt(now, 'Asia/Shanghai'),
    };
    const rules = { leaseMs: 1_000 };
    const running = runDueJobs(db.orm, moving, [long], { ...runner('A'), ...rules });
    await vi.waitFor(async () => expect((await ledger('long')).map((r) => r.state)).toEqual(['RUNNING']));
    now = new Date('2027-03-10T07:00:10+08:00');
    await vi.waitFor(async () => {
      const [row] = await db.orm.em
        .fork()
        .execute<Array<{ heartbeat_at: Date | null }>>(`select heartbeat_at from job_run where job = 'long'`);
      expect(row?.heartbeat_at && new Date(row.heartbeat_at).toISOString()).toBe(now.toISOString());
    });
    // Five leases after the start by the clock, but the last beat is fresh: B leaves the slot alone.
    expect(slots(await pass('2027-03-10T07:00:10.500+08:00', [long], { ...runner('B'), ...rules }))).toEqual(
      [],
    );
    finish();
    expect(slots(await running)).toEqual(['long 2027-03-09T23:00:00.000Z DONE']);
    expect((await ledger('long')).map((r) => `${r.state} ${r.attempts} ${r.instance}`)).toEqual(['DONE 1 A']);
  });
});

describe('two instances on one database', () => {
  it('run each due slot exactly once between them when they race for the same slots', async () => {
    const [ormA, ormB] = [await anotherOrm(), await anotherOrm()];
    const jobsOf = (runnerName: string) => [
      probeJob('race_hourly', '0 * * * *', { catchUp: 'all', runner: runnerName, takes: 3 }),
      probeJob('race_daily', DAILY, { runner: runnerName, takes: 3 }),
    ];
    await pass('2027-03-01T08:00:00+08:00', jobsOf('A'), runner('A'), ormA);
    const passes = ['2027-03-02T08:30:00+08:00', '2027-03-02T09:00:00+08:00', '2027-03-03T07:00:00+08:00'];
    const ran: SlotOutcome[] = [];
    for (const at of passes) {
      const [a, b] = await Promise.all([
        pass(at, jobsOf('A'), runner('A'), ormA),
        pass(at, jobsOf('B'), runner('B'), ormB),
      ]);
      ran.push(...a, ...b);
    }
    const hourly = await probeRuns(db.orm, 'race_hourly');
    // Slot 08:00 of the 1st, the 24 newest by the 2nd 08:30, 09:00, then 22 hours up to the 3rd 07:00.
    expect(hourly).toHaveLength(1 + 24 + 1 + 22);
    expect(new Set(hourly.map((r) => r.slot)).size).toBe(hourly.length);
    // They did race: each took some of the slots.
    expect([...new Set(hourly.map((r) => r.runner))].sort()).toEqual(['A', 'B']);
    expect((await probeRuns(db.orm, 'race_daily')).map((r) => r.slot)).toEqual([
      '2027-02-28T23:00:00.000Z',
      '2027-03-01T23:00:00.000Z',
      '2027-03-02T23:00:00.000Z',
    ]);
    expect(ran.filter((o) => o.state === 'DONE')).toHaveLength(24 + 1 + 22 + 2);
    const done = await db.orm.em
      .fork()
      .execute<Array<{ n: string }>>(
        `select count(*) as n from job_run where job like 'race_%' and state = 'DONE' and attempts = 1`,
      );
    expect(Number(done[0]?.n)).toBe(hourly.length + 3);
  });
});

describe('the runner started with the server', () => {
  it('runs a pass at start and its stop waits for the slot in progress', async () => {
    const job = probeJob('started', DAILY, { takes: 50 });
    const stop = startJobs(db.orm, fixedClock('2027-04-01T08:00:00+08:00'), [job], {
      ...runner('A'),
      every: 3_600_000,
    });
    await stop();
    expect(await probeRuns(db.orm, 'started')).toEqual([
      { slot: '2027-03-31T23:00:00.000Z', runner: 'test' },
    ]);
    expect((await ledger('started')).map((r) => r.state)).toEqual(['DONE']);
  });
});
