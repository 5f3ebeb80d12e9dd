import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Cron } from 'croner';
import pg from 'pg';
import { withDatabase } from '../../core/database/database-url.js';
import type { Env } from '../../core/env.js';
import type { Logger } from '../../core/logger.js';
import type { JobRuns } from '../../core/metrics/metrics.js';
import { verifyBackup } from './backup.restore.js';
import { backupFileIn, backupFolder, createBackup } from './backup.write.js';

export interface BackupSchedule {
  /** A cron pattern (croner syntax), read in the business time zone. */
  cron: string;
  timeZone: string;
  folder: string;
  /** How many of the newest backup files the folder keeps. */
  keep: number;
}

export interface BackupRun {
  slot: Date;
  file: string;
  sizeBytes: number | null;
  verified: boolean;
  error: string | null;
}

const LOCK = `hashtext('dossier.backup')`;

/** A scheduled backup that was taken but not verified, or not taken: a failed run of the job. */
class BackupNotVerifiedError extends Error {
  constructor(run: BackupRun) {
    super(`the backup ${run.file} is not verified: ${run.error ?? 'unknown reason'}`);
  }
}
const FILE = /^dossier-.*\.backup$/;

/** The schedule's latest time at or before `now`: the slot a backup taken now serves. */
export function currentSlot(schedule: Pick<BackupSchedule, 'cron' | 'timeZone'>, now: Date): Date | null {
  const cron = new Cron(schedule.cron, { timezone: schedule.timeZone, paused: true });
  return cron.previousRuns(1, now)[0] ?? null;
}

async function keepNewest(folder: string, keep: number): Promise<void> {
  // The names sort by time (backupFileIn); files of other names are never touched.
  const files = (await readdir(folder)).filter((name) => FILE.test(name)).sort();
  for (const name of files.slice(0, Math.max(0, files.length - keep))) await rm(path.join(folder, name));
}

/**
 * Takes, verifies and records the backup of `slot` unless one was already taken for it. Instances sharing
 * the database take turns under an advisory lock; the one that finds the lock held, or the slot done,
 * returns null. A failure is recorded (verified false, the error) rather than thrown.
 */
export async function runScheduledBackup(
  url: string,
  schedule: Pick<BackupSchedule, 'folder' | 'keep'>,
  slot: Date,
  now = () => new Date(),
): Promise<BackupRun | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      `select pg_try_advisory_lock(${LOCK}) as locked`,
    );
    if (!rows[0]?.locked) return null;
    const done = await client.query('select 1 from backup_run where slot >= $1', [slot]);
    if (done.rows.length > 0) return null;
    const started = now();
    const file = backupFileIn(schedule.folder, started);
    const { rows: inserted } = await client.query<{ id: string }>(
      'insert into backup_run (slot, started_at, file) values ($1, $2, $3) returning id',
      [slot, started, file],
    );
    const run: BackupRun = { slot, file, sizeBytes: null, verified: false, error: null };
    try {
      run.sizeBytes = (await createBackup(url, file, started)).bytes;
      const verification = await verifyBackup(file, withDatabase(url, 'postgres'));
      run.verified = verification.verified;
      run.error = verification.error ?? null;
      await keepNewest(schedule.folder, schedule.keep);
    } catch (error) {
      run.error = error instanceof Error ? error.message : String(error);
    }
    await client.query(
      'update backup_run set finished_at = $2, size_bytes = $3, verified = $4, error = $5 where id = $1',
      [inserted[0]?.id, now(), run.sizeBytes, run.verified, run.error],
    );
    return run;
  } finally {
    await client.query(`select pg_advisory_unlock(${LOCK})`).catch(() => undefined);
    await client.end();
  }
}

export function backupScheduleOf(env: Env, cron: string): BackupSchedule {
  return { cron, timeZone: env.DOSSIER_TIME_ZONE, folder: backupFolder(env), keep: env.DOSSIER_BACKUP_KEEP };
}

/**
 * Runs the backup schedule: at every time of the cron pattern, and at start when a slot went by without a
 * backup (the server was down). Returns the stop function, which waits for a backup under way.
 */
export function startBackupSchedule(url: string, schedule: BackupSchedule, log: Logger, jobs: JobRuns) {
  let running: Promise<unknown> = Promise.resolve();
  const backUp = async () => {
    const slot = currentSlot(schedule, new Date());
    if (!slot) return;
    const done = await runScheduledBackup(url, schedule, slot);
    if (!done) return;
    if (!done.verified) throw new BackupNotVerifiedError(done);
    log.info({ file: done.file, bytes: done.sizeBytes }, 'backup taken and verified');
  };
  const run = () => {
    running = running
      .then(() => jobs.track('backup', backUp))
      .catch((err: unknown) => log.error({ err }, 'scheduled backup failed'));
  };
  const cron = new Cron(schedule.cron, { timezone: schedule.timeZone }, run);
  run();
  return async () => {
    cron.stop();
    await running;
  };
}
