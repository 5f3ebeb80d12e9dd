import { previousMonth, ReminderKind, StaffRole } from '@dossier/domain';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { localDateAt } from '../../core/clock/clock.js';
import type { ScheduledJob } from '../../core/jobs/scheduled-job.js';
import type { ReminderDraft, ReminderSource } from '../inbox/reminder-source.js';
import { Staff } from '../staff/staff.entity.js';
import { generateReport } from './monthly-report.service.js';

/** Where a person acts on a report: the reports page of the web app. */
export const REPORTS_LINK = '/reports';

/**
 * 每月5日前汇总成书面报告: at 06:00 on the 1st (business time zone), the previous month's report for the
 * company and for each active sales manager's team. A report that exists already is kept as it is (the job
 * never re-renders what someone generated on demand). catchUp 'all': each missed month is its own report,
 * so a server down over a month's first produces that month's when it comes back.
 */
export const monthlyReportJob: ScheduledJob = {
  name: 'monthly_report',
  cron: '0 6 1 * *',
  catchUp: 'all',
  async run(orm: MikroORM, slot: Date, clock) {
    const month = previousMonth(localDateAt(slot, clock.timeZone));
    const em = orm.em.fork();
    const managers = await em.find(
      Staff,
      { role: StaffRole.SALES_MANAGER, active: true },
      { orderBy: { name: 'asc', id: 'asc' } },
    );
    for (const team of [null, ...managers]) {
      await generateReport(em.fork(), month, team, null, clock, { onlyIfMissing: true });
    }
  },
};

/**
 * MONTHLY_REPORT_READY: last month's reports are ready. Admins hear of the company's, each sales manager of
 * their own team's, once generated; the key is the report, so each appears once. Params: `month` (YYYY-MM).
 */
export const monthlyReportReadySource: ReminderSource = {
  kind: ReminderKind.MONTHLY_REPORT_READY,
  settles: false,
  async collect(em: EntityManager, day: string, clock): Promise<ReminderDraft[]> {
    const month = previousMonth(day);
    const rows = await em.execute<Array<{ id: string; recipient_id: string; ready_on: string }>>(
      `select r.id, s.id as recipient_id,
          to_char(r.generated_at at time zone ?, 'YYYY-MM-DD') as ready_on
       from monthly_report r
       join staff s on s.active and (
         (r.team_manager_id is null and s.role = 'ADMIN') or (s.id = r.team_manager_id and s.role = 'SALES_MANAGER'))
       where r.month = ?
       order by r.id, s.id`,
      [clock.timeZone, month],
    );
    return rows.map((row) => ({
      kind: ReminderKind.MONTHLY_REPORT_READY,
      recipientId: row.recipient_id,
      key: row.id,
      customerId: null,
      dueOn: row.ready_on,
      params: { month },
      link: REPORTS_LINK,
    }));
  },
};

export const monthlyReportSources: ReminderSource[] = [monthlyReportReadySource];
