import { StaffRole } from '@dossier/domain';
import { beforeAll, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Staff } from '../staff/staff.entity.js';

// Issue 12: "the admin page … show[s] the last verified backup".
const db = await testDatabase();
const build = builders(db.orm);
let admin: Staff;

beforeAll(async () => {
  admin = await build.staff({ name: '管理员' }, StaffRole.ADMIN);
});

const STATUS = `{ backupStatus {
  scheduled
  lastVerified { finishedAt file sizeBytes verified error }
  lastRun { finishedAt file sizeBytes verified error }
} }`;
type Status = { backupStatus: Record<string, unknown> };

async function recordRun(finishedAt: string, file: string, sizeBytes: number, error: string | null) {
  await db.orm.em
    .getConnection()
    .execute(
      'insert into backup_run (slot, started_at, finished_at, file, size_bytes, verified, error) values (?, ?, ?, ?, ?, ?, ?)',
      [finishedAt, finishedAt, finishedAt, file, sizeBytes, error === null, error],
    );
}

it('says there is no backup yet, and whether backups are scheduled', async () => {
  const unscheduled = await db.execute<Status>(STATUS, {}, { viewer: admin });
  expect(unscheduled.errors).toBeUndefined();
  expect(unscheduled.data?.backupStatus).toEqual({ scheduled: false, lastVerified: null, lastRun: null });

  const scheduled = await db.execute<Status>(
    STATUS,
    {},
    { viewer: admin, env: { DOSSIER_BACKUP_CRON: '0 2 * * *' } },
  );
  expect(scheduled.data?.backupStatus).toEqual({ scheduled: true, lastVerified: null, lastRun: null });
});

it('shows an admin the newest verified backup and the newest run, a failed one, by file name only', async () => {
  await recordRun('2026-11-27T18:00:00.000Z', '/srv/backups/dossier-older.backup', 1_000, null);
  await recordRun('2026-11-28T18:00:00.000Z', '/srv/backups/dossier-verified.backup', 5_000_000_000, null);
  await recordRun(
    '2026-11-29T18:00:00.000Z',
    '/srv/backups/dossier-failed.backup',
    2_000,
    'restore differed',
  );
  // Still running: not finished, so neither the last run nor verified.
  await db.orm.em
    .getConnection()
    .execute("insert into backup_run (slot, started_at, file) values (now(), now(), '/srv/backups/running')");

  const result = await db.execute<Status>(STATUS, {}, { viewer: admin });
  expect(result.errors).toBeUndefined();
  expect(result.data?.backupStatus).toEqual({
    scheduled: false,
    lastVerified: {
      finishedAt: '2026-11-28T18:00:00.000Z',
      file: 'dossier-verified.backup',
      sizeBytes: 5_000_000_000,
      verified: true,
      error: null,
    },
    lastRun: {
      finishedAt: '2026-11-29T18:00:00.000Z',
      file: 'dossier-failed.backup',
      sizeBytes: 2_000,
      verified: false,
      error: 'restore differed',
    },
  });
});

it.each([StaffRole.SALES_REP, StaffRole.SALES_MANAGER, StaffRole.ANALYST])(
  'refuses %s with FORBIDDEN',
  async (role) => {
    const viewer = await build.staff({}, role);
    const result = await db.execute<Status>(STATUS, {}, { viewer });
    expect(result.data).toBeNull();
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  },
);
