import { randomBytes } from 'node:crypto';
import { RelationshipState, StaffRole } from '@dossier/domain';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningServer, startServer } from '../../bench/http/servers.js';
import { fixedClock } from '../../src/core/clock/clock.js';
import { runOnClock } from '../../src/core/clock/current-clock.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../../src/core/database/database-url.js';
import { migrate } from '../../src/core/database/migrate.js';
import { ormConfig } from '../../src/core/database/orm.js';
import { loadEnv } from '../../src/core/env.js';
import { runDueJobs } from '../../src/core/jobs/job-runner.js';
import { createLogger } from '../../src/core/logger.js';
import { DossierMetrics } from '../../src/core/metrics/metrics.js';
import { scheduledJobsFor } from '../../src/jobs.registry.js';
import { abcFixtures, buyer } from '../../src/modules/abc/abc.fixtures.js';
import { refreshAbcSnapshotIfStale } from '../../src/modules/abc/abc.snapshot.js';
import { Customer } from '../../src/modules/customer/customer.entity.js';
import { inboxWorld } from '../../src/modules/inbox/inbox.fixtures.js';
import { Staff } from '../../src/modules/staff/staff.entity.js';
import { builders } from '../builders.js';

// Issue 14, acceptance 4: two server processes on one database, running the production job list
// (test/clocked-server.ts without a probe), produce each reminder and each report once: on 1 March 2027 at
// 07:30 (Beijing) the hourly sweep, February's monthly reports and March's archive inspection are all due.
// What they leave equals what one in-process pass over the same slot leaves in a copy of the database.
const adminUrl = inject('adminUrl');
const database = `dossier_jobs2_${randomBytes(6).toString('hex')}`;
const single = `${database}_single`;
const NOW = '2027-03-01T07:30:00+08:00';
const LATER = '2027-03-01T08:30:00+08:00';
// The reference pass runs the production job list, as the servers (NODE_ENV=production) do.
const env = loadEnv({ NODE_ENV: 'test', DOSSIER_JOBS: 'on' });
const log = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
const servers: RunningServer[] = [];
let orm: MikroORM | undefined;
let singleOrm: MikroORM | undefined;

/** A team with something due of each dossier kind, a loan overdue for the inspection, and the archivist. */
async function seedWorld(world: MikroORM): Promise<void> {
  const build = builders(world);
  const facts = inboxWorld(world);
  await build.staff({ name: '管理员' }, StaffRole.ADMIN);
  await build.staff({ name: '档案员' }, StaffRole.ARCHIVIST);
  const manager = await build.staff({ name: '王经理' }, StaffRole.SALES_MANAGER);
  const li = await build.staff({ name: '李明', manager: build.ref(Staff, manager) });
  const zhang = await build.staff({ name: '张伟', manager: build.ref(Staff, manager) });
  const of = (owner: Staff, name: string, reviewedAt = '2027-02-20T02:00:00Z') =>
    build.customer({ name, owner: build.ref(Staff, owner), reviewedAt: new Date(reviewedAt) });
  await of(li, '审阅客户', '2026-12-01T02:00:00Z');
  await of(zhang, '久未审阅客户', '2026-11-01T02:00:00Z');
  const credit = await of(li, '信用客户');
  await facts.creditReport(credit.id, '2026-03-20', '2027-03-20');
  const complaint = await of(zhang, '投诉客户');
  await facts.complaint(complaint.id, '2027-02-10T02:00:00Z', zhang.id);
  const loan = await of(li, '借阅客户');
  await facts.loan(loan.id, li.id, '年度框架合同', '2027-02-25T08:00:00Z');
  // The only customer with sales, so an A customer by the ABC rules, as the servers' ABC schedule finds it.
  const gapId = (await abcFixtures(world).load([buyer('GAP', '2027-01-15', '100000.00')])).get('GAP');
  await world.em
    .fork()
    .execute(`update customer set name = '覆盖缺口客户', owner_id = ? where id = ?`, [li.id, gapId]);
  const gap = await world.em.fork().findOneOrFail(Customer, { id: gapId as string });
  const qian = await build.keyPerson(gap, { name: '钱总' });
  await build.role(qian);
  await build.relationship(qian, li, RelationshipState.NEUTRAL);
  // The snapshot of the 12 months up to the instant, as the servers' start leaves it.
  await refreshAbcSnapshotIfStale(world.em.fork(), fixedClock(NOW));
  // The ledger: each job last ran at its slot before this one.
  await world.em.fork().execute(
    `insert into job_run (job, slot, state, instance, started_at, finished_at) values
       ('reminders', '2027-02-28T22:00:00Z', 'DONE', 'before', '2027-02-28T22:00:00Z', '2027-02-28T22:00:01Z'),
       ('monthly_report', '2027-01-31T22:00:00Z', 'DONE', 'before', '2027-01-31T22:00:00Z', '2027-01-31T22:01:00Z'),
       ('archive_inspection', '2026-08-31T23:00:00Z', 'DONE', 'before', '2026-08-31T23:00:00Z', '2026-08-31T23:01:00Z')`,
  );
}

function start(name: string, now: string, go: number): Promise<RunningServer> {
  return startServer({
    name,
    args: ['scripts/run.mjs', 'test/clocked-server.ts'],
    env: {
      DATABASE_URL: withDatabase(adminUrl, database),
      NODE_ENV: 'production',
      DOSSIER_SEED: 'none',
      LOG_LEVEL: 'warn',
      DOSSIER_TEST_NOW: now,
      DOSSIER_TEST_GO: String(go),
    },
  }).then((server) => {
    servers.push(server);
    return server;
  });
}

/** What the jobs left, comparable between the two databases (the copy keeps every id of the world). */
async function outcome(world: MikroORM) {
  const em = world.em.fork();
  return {
    // One row per (job, slot) by the ledger's key: `attempts` tells how often it was claimed.
    ledger: await em.execute(
      `select job, to_char(slot at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as slot, state, attempts
       from job_run where instance <> 'before' order by job, slot`,
    ),
    reports: await em.execute(
      `select r.month, m.name as team, count(*)::int as copies from monthly_report r
       left join staff m on m.id = r.team_manager_id group by r.month, m.name order by r.month, m.name nulls first`,
    ),
    inspections: await em.execute(
      'select period, count(*)::int as copies from archive_inspection group by period order by period',
    ),
    inspectionItems: await em.execute<Array<{ n: number }>>(
      'select count(*)::int as n from archive_inspection_item',
    ),
    // The keys of report and inspection items are their ids, which differ between the databases: the items
    // are compared by what they say, and the keys are checked for duplicates within each database.
    inbox: await em.execute<Array<{ kind: string; recipient: string }>>(
      `select s.name as recipient, i.kind, c.name as customer, i.due_on::text as due_on, i.params, i.state
       from inbox_item i join staff s on s.id = i.recipient_id left join customer c on c.id = i.customer_id
       order by i.kind collate "C", s.name collate "C", c.name collate "C"`,
    ),
    duplicates: await em.execute(
      'select recipient_id, kind, key from inbox_item group by recipient_id, kind, key having count(*) > 1',
    ),
  };
}

/** How many items of each kind each person holds, as "kind recipient". */
function kindsOf(inbox: Array<{ kind: string; recipient: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { kind, recipient } of inbox)
    counts[`${kind} ${recipient}`] = (counts[`${kind} ${recipient}`] ?? 0) + 1;
  return counts;
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting until ${what}`);
}

beforeAll(async () => {
  await ensureDatabase(adminUrl, database);
  const seeding = await MikroORM.init(ormConfig(withDatabase(adminUrl, database)));
  await migrate(seeding, log);
  await runOnClock(fixedClock('2027-02-26T02:00:00Z'), () => seedWorld(seeding));
  await seeding.close();
  // The copy, taken before either server starts, for the single in-process pass.
  await ensureDatabase(adminUrl, single, database);
  orm = await MikroORM.init(ormConfig(withDatabase(adminUrl, database)));
  singleOrm = await MikroORM.init(ormConfig(withDatabase(adminUrl, single)));
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await orm?.close();
  await singleOrm?.close();
  await dropDatabase(adminUrl, database);
  await dropDatabase(adminUrl, single);
});

/** One in-process pass of the production jobs over the copy at `now`: what a single instance does. */
async function singlePass(now: string): Promise<string[]> {
  const copy = singleOrm as MikroORM;
  const outcomes = await runDueJobs(copy, fixedClock(now), scheduledJobsFor(env, log), {
    log,
    metrics: new DossierMetrics(copy, log),
    instance: 'single',
  });
  return outcomes.map((o) => `${o.job} ${o.state}`);
}

/** Two server processes living at `now` until `slots` slots are done since the seed, then stopped. */
async function twoServers(now: string, slots: number): Promise<void> {
  // Both start their first pass at one wall-clock moment, once loaded: they race for every slot.
  const go = Date.now() + 8_000;
  const [a, b] = await Promise.all([start('A', now, go), start('B', now, go)]);
  await until(`${slots} slots are done`, async () => {
    const [row] = await (orm as MikroORM).em
      .fork()
      .execute<Array<{ n: number }>>(
        `select count(*)::int as n from job_run where instance <> 'before' and state = 'DONE'`,
      );
    return row?.n === slots;
  });
  // Stopping waits for a pass in progress: nothing runs after it.
  await Promise.all([a.stop(), b.stop()]);
}

describe('two server processes running the production jobs on one database', () => {
  it('deliver each reminder, monthly report and archive inspection once, as a single pass does', async () => {
    // 07:30: the reports and the inspection are generated; 08:30: the next sweep tells their readers.
    expect(await singlePass(NOW)).toEqual([
      'reminders DONE',
      'monthly_report DONE',
      'archive_inspection DONE',
    ]);
    expect(await singlePass(LATER)).toEqual(['reminders DONE']);
    const expected = await outcome(singleOrm as MikroORM);

    await twoServers(NOW, 3);
    await twoServers(LATER, 4);
    const actual = await outcome(orm as MikroORM);

    expect(actual.ledger).toEqual([
      { job: 'archive_inspection', slot: '2027-03-01 07:00', state: 'DONE', attempts: 1 },
      { job: 'monthly_report', slot: '2027-03-01 06:00', state: 'DONE', attempts: 1 },
      { job: 'reminders', slot: '2027-03-01 07:00', state: 'DONE', attempts: 1 },
      { job: 'reminders', slot: '2027-03-01 08:00', state: 'DONE', attempts: 1 },
    ]);
    expect(actual.reports).toEqual([
      { month: '2027-02', team: null, copies: 1 },
      { month: '2027-02', team: '王经理', copies: 1 },
    ]);
    expect(actual.inspections).toEqual([{ period: '2027-03', copies: 1 }]);
    expect(kindsOf(actual.inbox)).toEqual({
      'ARCHIVE_INSPECTION 档案员': 1,
      'COMPLAINT_OPEN 张伟': 1,
      'COVERAGE_GAP 李明': 1,
      'CREDIT_REPORT_EXPIRING 李明': 1,
      'LOAN_DUE 李明': 1,
      'MONTHLY_REPORT_READY 王经理': 1,
      'MONTHLY_REPORT_READY 管理员': 1,
      'REVIEW_DUE 张伟': 1,
      // 审阅客户, and the gap customer, never reviewed
      'REVIEW_DUE 李明': 2,
    });
    expect(actual.duplicates).toEqual([]);
    // The same rows as the single pass left: no item twice, none missing, the same params.
    expect(actual).toEqual(expected);
  }, 300_000); // two pairs of server processes start, each migrating, and the reports' PDFs are rendered
});
