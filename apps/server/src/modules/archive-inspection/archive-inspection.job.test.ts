import { ReminderKind } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Staff } from '../staff/staff.entity.js';
import { ArchiveInspection, ArchiveInspectionItem } from './archive-inspection.entity.js';
import { FEBRUARY, seedArchive } from './archive-inspection.fixtures.js';
import { archiveInspectionJob, archiveInspectionSource, archiveSources } from './archive-inspection.job.js';
import { checkArchiveInspectionFinding } from './archive-inspection.service.js';

const db = await testDatabase({ clock: FEBRUARY });
let archivist: Staff;

/** The cron slot of 1 March 2027, 07:00 in Beijing. */
const MARCH_SLOT = new Date('2027-02-28T23:00:00Z');
const march = fixedClock(MARCH_SLOT);

const findings = () =>
  db.orm.em
    .fork()
    .find(ArchiveInspectionItem, {}, { orderBy: { kind: 'asc' } })
    .then((items) => items.map((item) => [item.kind, (JSON.parse(item.details) as { title: string }).title]));

beforeAll(async () => {
  ({ archivist } = await seedArchive(db));
});

describe('the half-yearly archive inspection job', () => {
  it('is exported for the runner on 1 March and 1 September at 07:00, every missed slot caught up', () => {
    expect(archiveInspectionJob).toMatchObject({
      name: 'archive_inspection',
      cron: '0 7 1 3,9 *',
      catchUp: 'all',
    });
    expect(archiveSources).toEqual([archiveInspectionSource]);
    expect(archiveInspectionSource).toMatchObject({ kind: ReminderKind.ARCHIVE_INSPECTION, settles: true });
  });

  it('reminds nobody in February: there is no inspection yet', async () => {
    const em = db.orm.em.fork();
    expect(
      await archiveInspectionSource.collect(em, '2027-02-28', fixedClock('2027-02-28T04:00:00Z')),
    ).toEqual([]);
    expect(await em.count(ArchiveInspection, {})).toBe(0);
  });

  it('draws up the March inspection with exactly the seeded findings, once however often it runs', async () => {
    await archiveInspectionJob.run(db.orm, MARCH_SLOT, march);
    await archiveInspectionJob.run(db.orm, MARCH_SLOT, fixedClock('2027-03-01T01:00:00Z'));
    const inspections = await db.orm.em.fork().find(ArchiveInspection, {});
    expect(inspections.map((i) => [i.period, i.generatedAt.toISOString()])).toEqual([
      ['2027-03', '2027-02-28T23:00:00.000Z'],
    ]);
    expect(await findings()).toEqual([
      ['DESTRUCTION_PENDING', '2015年方案'],
      ['LOAN_OVERDUE', '借出方案'],
      ['NO_RETENTION', '无期限方案'],
    ]);
  });

  it("puts it in each active archivist's inbox on 1 March with its open count, until all are checked", async () => {
    const [inspection] = await db.orm.em.fork().find(ArchiveInspection, {});
    if (!inspection) throw new Error('no inspection');
    const collect = (day: string) => archiveInspectionSource.collect(db.orm.em.fork(), day, march);
    expect(await collect('2027-03-01')).toEqual([
      {
        kind: ReminderKind.ARCHIVE_INSPECTION,
        recipientId: archivist.id,
        key: '2027-03',
        customerId: null,
        dueOn: '2027-03-01',
        params: { period: '2027-03', open: 3 },
        link: `/archive-inspections/${toGlobalId('ArchiveInspection', inspection.id)}`,
      },
    ]);
    const items = await db.orm.em.fork().find(ArchiveInspectionItem, {});
    for (const item of items.slice(0, 2)) {
      await checkArchiveInspectionFinding(
        db.context({ viewer: archivist, clock: march }),
        toGlobalId('ArchiveInspectionItem', item.id),
        item.version,
        null,
      );
    }
    expect((await collect('2027-03-02')).map((draft) => draft.params)).toEqual([
      { period: '2027-03', open: 1 },
    ]);
    const last = items[2] as ArchiveInspectionItem;
    await checkArchiveInspectionFinding(
      db.context({ viewer: archivist, clock: march }),
      toGlobalId('ArchiveInspectionItem', last.id),
      last.version,
      '已核实',
    );
    expect(await collect('2027-03-03')).toEqual([]);
  });

  it("catches up a missed slot with the slot's period, found as the archive stands when it runs", async () => {
    // The server was down on 1 September: the runner runs that slot on the 3rd.
    const late = fixedClock('2027-09-03T01:30:00Z');
    await archiveInspectionJob.run(db.orm, new Date('2027-08-31T23:00:00Z'), late);
    const inspections = await db.orm.em.fork().find(ArchiveInspection, {}, { orderBy: { period: 'asc' } });
    expect(inspections.map((i) => [i.period, i.generatedAt.toISOString()])).toEqual([
      ['2027-03', '2027-02-28T23:00:00.000Z'],
      ['2027-09', '2027-09-03T01:30:00.000Z'],
    ]);
    // The March ticks stay with March: September's three findings are open, and the inbox says so.
    const drafts = await archiveInspectionSource.collect(db.orm.em.fork(), '2027-09-03', late);
    expect(drafts.map((draft) => [draft.key, draft.dueOn, draft.params])).toEqual([
      ['2027-09', '2027-09-03', { period: '2027-09', open: 3 }],
    ]);
    expect(await archiveInspectionSource.collect(db.orm.em.fork(), '2027-09-02', late)).toEqual([]);
  });

  it('runs once when two instances run the same slot at the same time', async () => {
    const slot = new Date('2028-02-29T23:00:00Z');
    await Promise.all([
      archiveInspectionJob.run(db.orm, slot, fixedClock(slot)),
      archiveInspectionJob.run(db.orm, slot, fixedClock(slot)),
    ]);
    const em = db.orm.em.fork();
    const march = await em.find(ArchiveInspection, { period: '2028-03' });
    expect(march).toHaveLength(1);
    expect(await em.count(ArchiveInspectionItem, { inspection: march.map((i) => i.id) })).toBe(3);
  });
});
