import { ReminderKind, StaffRole } from '@dossier/domain';
import { MikroORM } from '@mikro-orm/postgresql';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { ormConfig } from '../../core/database/orm.js';
import type { Staff } from '../staff/staff.entity.js';
import { monthlyReportJob, monthlyReportReadySource } from './monthly-report.job.js';
import { generateReport } from './monthly-report.service.js';

// The scheduled job and the inbox source, run directly with an injected clock (the job runner and the
// inbox are built elsewhere and register them).
const clock = fixedClock('2027-03-01T02:00:00Z');
const db = await testDatabase({ clock });
const build = builders(db.orm);
let admin: Staff;
let lead: Staff;
let second: Staff;
let rep: Staff;

beforeAll(async () => {
  admin = await build.staff({ name: '管理员甲' }, StaffRole.ADMIN);
  lead = await build.staff({ name: '经理甲' }, StaffRole.SALES_MANAGER);
  second = await build.staff({ name: '经理乙' }, StaffRole.SALES_MANAGER);
  await build.staff({ name: '离职经理', active: false }, StaffRole.SALES_MANAGER);
  rep = await build.staff({ name: '代表甲' }, StaffRole.SALES_REP);
  await build.customer({ code: 'JOB-1', name: '作业客户' });
});

const stored = () =>
  db.orm.em.fork().execute<Array<{ month: string; team: string | null; version: number; by: string | null }>>(
    `select r.month, m.name as team, r.version, r.generated_by_id as by
       from monthly_report r left join staff m on m.id = r.team_manager_id order by r.month, m.name nulls first`,
  );

/** 06:00 on the 1st in Shanghai: the slot the cron pattern names, in UTC. */
const slotOf = (day: string) => new Date(`${day}T06:00:00+08:00`);

describe('monthlyReportJob', () => {
  it('runs on the 1st at 06:00 in the business zone and catches up every missed month', () => {
    expect(monthlyReportJob).toMatchObject({ name: 'monthly_report', cron: '0 6 1 * *', catchUp: 'all' });
  });

  it('produces last month’s report for the company and each active manager’s team, once', async () => {
    // A manager generated their team's report on demand before the job ran: it is kept as it is.
    await generateReport(db.orm.em.fork(), '2027-02', second, second, clock);
    await monthlyReportJob.run(db.orm, slotOf('2027-03-01'), clock);
    await monthlyReportJob.run(db.orm, slotOf('2027-03-01'), clock);
    expect(await stored()).toEqual([
      { month: '2027-02', team: null, version: 1, by: null },
      { month: '2027-02', team: '经理乙', version: 1, by: second.id },
      { month: '2027-02', team: '经理甲', version: 1, by: null },
    ]);
  }, 60_000);

  it('a slot missed while the server was down gives that slot’s month, run late', async () => {
    const late = fixedClock('2027-04-03T09:00:00Z');
    await monthlyReportJob.run(db.orm, slotOf('2027-04-01'), late);
    const months = (await stored()).map((row) => `${row.month} ${row.team ?? '公司'}`);
    expect(months.filter((month) => month.startsWith('2027-03'))).toEqual([
      '2027-03 公司',
      '2027-03 经理乙',
      '2027-03 经理甲',
    ]);
  }, 60_000);
});

describe('two server instances on one database', () => {
  it('produce each report once when their runners fire the same slot together', async () => {
    const other = await MikroORM.init(ormConfig(db.url));
    try {
      const late = fixedClock('2027-05-01T00:00:00Z');
      await Promise.all([
        monthlyReportJob.run(db.orm, slotOf('2027-05-01'), late),
        monthlyReportJob.run(other, slotOf('2027-05-01'), late),
      ]);
    } finally {
      await other.close();
    }
    const april = (await stored()).filter((row) => row.month === '2027-04');
    expect(april.map((row) => [row.team, row.version])).toEqual([
      [null, 1],
      ['经理乙', 1],
      ['经理甲', 1],
    ]);
  }, 60_000);
});

describe('MONTHLY_REPORT_READY', () => {
  it('tells the admins of the company’s report and each manager of their team’s, with the month', async () => {
    const drafts = await monthlyReportReadySource.collect(db.orm.em.fork(), '2027-03-01', clock);
    const byRecipient = drafts.map((draft) => [draft.recipientId, draft.params, draft.link, draft.dueOn]);
    expect(byRecipient.sort()).toEqual(
      [
        [admin.id, { month: '2027-02' }, '/reports', '2027-03-01'],
        [lead.id, { month: '2027-02' }, '/reports', '2027-03-01'],
        [second.id, { month: '2027-02' }, '/reports', '2027-03-01'],
      ].sort(),
    );
    expect(new Set(drafts.map((draft) => draft.kind))).toEqual(new Set([ReminderKind.MONTHLY_REPORT_READY]));
    expect(drafts.some((draft) => draft.recipientId === rep.id)).toBe(false);
    // One item per report: the same day asked again gives the same keys.
    const again = await monthlyReportReadySource.collect(db.orm.em.fork(), '2027-03-02', clock);
    expect(again.map((draft) => draft.key).sort()).toEqual(drafts.map((draft) => draft.key).sort());
  });

  it('says nothing of a month whose reports are not there yet', async () => {
    expect(await monthlyReportReadySource.collect(db.orm.em.fork(), '2027-06-01', clock)).toEqual([]);
  });
});
