import { inspectionPeriodOf, ReminderKind, StaffRole } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { runAs } from '../../core/audit/actor.js';
import type { Clock } from '../../core/clock/clock.js';
import { localDateAt } from '../../core/clock/clock.js';
import { runOnClock } from '../../core/clock/current-clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { ScheduledJob } from '../../core/jobs/scheduled-job.js';
import type { ReminderDraft, ReminderSource } from '../inbox/reminder-source.js';
import { generateInspection } from './archive-inspection.service.js';

/**
 * At 07:00 on 1 March and 1 September (business time zone), the period's inspection is drawn up unless a
 * keeper already did. Every missed slot runs after downtime ('all'): the slot's period is generated then,
 * from the archive as it stands, which is the best a late checklist can be.
 */
export const archiveInspectionJob: ScheduledJob = {
  name: 'archive_inspection',
  cron: '0 7 1 3,9 *',
  catchUp: 'all',
  async run(orm, slot, clock) {
    const period = inspectionPeriodOf(localDateAt(slot, clock.timeZone));
    const em = orm.em.fork();
    await runOnClock(clock, () =>
      runAs(null, () => em.transactional((tx) => generateInspection(tx, period, clock))),
    );
  },
};

/**
 * Each active archivist's item for the current period's inspection once it exists and while findings are
 * open: "the inspection of <period> is ready with <open> open findings". It settles once all are checked.
 */
export const archiveInspectionSource: ReminderSource = {
  kind: ReminderKind.ARCHIVE_INSPECTION,
  settles: true,
  async collect(em: EntityManager, day: string, clock: Clock): Promise<ReminderDraft[]> {
    const period = inspectionPeriodOf(day);
    const [inspection] = await em.execute<Array<{ id: string; generated_at: Date; open: string }>>(
      `select i.id, i.generated_at,
              (select count(*) from archive_inspection_item f where f.inspection_id = i.id and f.checked_at is null) as open
         from archive_inspection i where i.period = ?`,
      [period],
    );
    if (!inspection || Number(inspection.open) === 0) return [];
    const generatedOn = localDateAt(new Date(inspection.generated_at), clock.timeZone);
    if (generatedOn > day) return [];
    const archivists = await em.execute<Array<{ id: string }>>(
      'select id from staff where role = ? and active order by id',
      [StaffRole.ARCHIVIST],
    );
    const globalId = toGlobalId('ArchiveInspection', inspection.id);
    return archivists.map((archivist) => ({
      kind: ReminderKind.ARCHIVE_INSPECTION,
      recipientId: archivist.id,
      key: period,
      customerId: null,
      dueOn: generatedOn,
      params: { period, open: Number(inspection.open) },
      link: `/archive-inspections/${globalId}`,
    }));
  },
};

export const archiveSources: ReminderSource[] = [archiveInspectionSource];
