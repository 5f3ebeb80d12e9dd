import { ReminderKind, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { createProbeTable, probeJob } from '../../../test/probe-jobs.js';
import { fixedClock } from '../clock/clock.js';
import { createLogger } from '../logger.js';
import { DossierMetrics } from '../metrics/metrics.js';
import { jobFailedSource } from './job-failed.source.js';
import { runDueJobs } from './job-runner.js';

const db = await testDatabase({ clock: fixedClock('2027-03-10T08:00:00+08:00') });
const log = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
let broken = true;
// Daily at 23:30 Beijing: the slot of the 10th is 15:30 UTC of the 10th.
const job = probeJob('nightly_digest', '30 23 * * *', { fails: () => broken });
const options = { log, metrics: new DossierMetrics(db.orm, log), instance: 'A' };
let admins: string[] = [];

beforeAll(async () => {
  await createProbeTable(db.orm);
  const make = builders(db.orm);
  const first = await make.staff({}, StaffRole.ADMIN);
  const second = await make.staff({}, StaffRole.ADMIN);
  await make.staff({ active: false }, StaffRole.ADMIN);
  await make.staff({}, StaffRole.SALES_MANAGER);
  admins = [first.id, second.id].sort();
});

const collect = (day: string) =>
  jobFailedSource.collect(db.orm.em.fork(), day, fixedClock(`${day}T07:00:00+08:00`));

describe('failed jobs in the admins’ inbox', () => {
  it('draft one item per active admin per failed slot from the slot’s day on, and settle once it succeeded', async () => {
    await runDueJobs(db.orm, fixedClock('2027-03-10T23:30:00+08:00'), [job], options);
    expect(await collect('2027-03-09')).toEqual([]);
    const drafts = await collect('2027-03-11');
    expect(drafts.map((d) => d.recipientId).sort()).toEqual(admins);
    expect(drafts[0]).toEqual({
      kind: ReminderKind.JOB_FAILED,
      recipientId: drafts[0]?.recipientId,
      key: 'nightly_digest:2027-03-10T15:30:00.000Z',
      customerId: null,
      dueOn: '2027-03-10',
      params: {
        job: 'nightly_digest',
        slot: '2027-03-10 23:30',
        attempts: 1,
        error: 'Error: nightly_digest could not reach the mail server',
      },
      link: '/inbox',
    });
    expect(jobFailedSource.settles).toBe(true);

    broken = false;
    await runDueJobs(db.orm, fixedClock('2027-03-11T06:00:00+08:00'), [job], options);
    expect(await collect('2027-03-11')).toEqual([]);
  });
});
