import { chmod, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { currentSlot, runScheduledBackup } from './backup.schedule.js';

const db = await testDatabase();
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'dossier-backup-schedule-'));
  await chmod(folder, 0o755);
  await builders(db.orm).customer();
});

const runs = async () =>
  (
    await db.orm.em
      .fork()
      .execute<{ slot: string; file: string; size_bytes: string; verified: boolean; error: string | null }[]>(
        'select slot, file, size_bytes, verified, error from backup_run where finished_at is not null order by id',
      )
  ).map((run) => ({ ...run, slot: new Date(run.slot) }));

describe('scheduled backups', () => {
  it('serve the latest time of the pattern in the business time zone', () => {
    const schedule = { cron: '0 2 * * *', timeZone: 'Asia/Shanghai' };
    // 11:00 in Shanghai: the slot is 02:00 that morning, 18:00 UTC the day before.
    expect(currentSlot(schedule, new Date('2026-11-30T03:00:00Z'))).toEqual(new Date('2026-11-29T18:00:00Z'));
    expect(currentSlot(schedule, new Date('2026-11-29T17:59:00Z'))).toEqual(new Date('2026-11-28T18:00:00Z'));
  });

  it('run once per slot across instances, verified by a restore, and keep the newest files', async () => {
    const schedule = { folder, keep: 2 };
    const slot = new Date('2026-11-29T18:00:00Z');
    const at = (time: string) => () => new Date(time);
    const both = await Promise.all([
      runScheduledBackup(db.url, schedule, slot, at('2026-11-29T18:00:01Z')),
      runScheduledBackup(db.url, schedule, slot, at('2026-11-29T18:00:02Z')),
    ]);
    const taken = both.filter((run) => run !== null);
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({ verified: true, error: null });
    // A later start (a missed slot is run at start) finds the slot done.
    expect(await runScheduledBackup(db.url, schedule, slot, at('2026-11-29T19:00:00Z'))).toBeNull();

    const [recorded] = await runs();
    expect(recorded).toMatchObject({ slot, verified: true, error: null, file: taken[0]?.file });
    expect(Number(recorded?.size_bytes)).toBe((await stat(recorded?.file as string)).size);

    await runScheduledBackup(db.url, schedule, new Date('2026-11-30T18:00:00Z'), at('2026-11-30T18:00:01Z'));
    await runScheduledBackup(db.url, schedule, new Date('2026-12-01T18:00:00Z'), at('2026-12-01T18:00:01Z'));
    expect((await runs()).map((run) => run.verified)).toEqual([true, true, true]);
    expect((await readdir(folder)).sort()).toEqual([
      'dossier-2026-11-30T18-00-01Z.backup',
      'dossier-2026-12-01T18-00-01Z.backup',
    ]);
  });

  it('record a failed backup as not verified, with the reason', async () => {
    const slot = new Date('2026-12-02T18:00:00Z');
    // The backup folder's place is taken by a file: the backup cannot be written.
    const blocker = path.join(folder, 'blocker');
    await writeFile(blocker, '');
    const run = await runScheduledBackup(db.url, { folder: path.join(blocker, 'backups'), keep: 2 }, slot);
    expect(run).toMatchObject({ verified: false, sizeBytes: null });
    expect(run?.error).toMatch(/ENOTDIR/);
    const last = (await runs()).at(-1);
    expect(last).toMatchObject({ slot, verified: false, error: run?.error });
  });
});
