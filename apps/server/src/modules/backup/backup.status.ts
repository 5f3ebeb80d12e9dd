import path from 'node:path';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { isoTime } from '../../core/database/iso-time.js';
import type { DossierMetrics } from '../../core/metrics/metrics.js';

export interface RecordedBackup {
  /** When the backup finished: taken, and a restore of it into a scratch database tried. */
  finishedAt: Date;
  file: string;
  sizeBytes: number;
  /** Whether that restore matched the backup's manifest (DOMAIN.md: only then is it trusted). */
  verified: boolean;
  error: string | null;
}

/** The newest finished scheduled backup, or the newest verified one with `verifiedOnly`; null before it. */
async function newestBackup(em: EntityManager, verifiedOnly: boolean): Promise<RecordedBackup | null> {
  const [row] = await em.getConnection().execute<
    {
      finished_at: string;
      file: string;
      size_bytes: string | null;
      verified: boolean;
      error: string | null;
    }[]
  >(
    `select ${isoTime('finished_at')} as finished_at, file, size_bytes, verified, error
     from backup_run where finished_at is not null ${verifiedOnly ? 'and verified' : ''}
     order by backup_run.finished_at desc limit 1`,
  );
  return row
    ? {
        finishedAt: new Date(row.finished_at),
        file: row.file,
        sizeBytes: Number(row.size_bytes ?? 0),
        verified: row.verified,
        error: row.error,
      }
    : null;
}

/**
 * The newest scheduled backup a restore has verified (DOMAIN.md: only those are trusted), null before the
 * first. /readyz, /metrics and the admin page show it.
 */
export const lastVerifiedBackup = (em: EntityManager) => newestBackup(em, true);

/** The newest finished scheduled backup, verified or not, so the admin page shows a failing schedule. */
export const lastBackupRun = (em: EntityManager) => newestBackup(em, false);

/** Whole seconds since `backup` at `now`; null when there is none. */
export const backupAgeSeconds = (backup: RecordedBackup | null, now: Date): number | null =>
  backup ? Math.max(0, Math.floor((now.getTime() - backup.finishedAt.getTime()) / 1000)) : null;

/**
 * The last verified backup in /readyz's details (null before the first) and as an age on /metrics, read at
 * each probe and scrape: another instance may have taken it.
 */
export function showLastVerifiedBackup(
  orm: MikroORM,
  metrics: Pick<DossierMetrics, 'setBackupAgeSource'>,
  showWhenReady: (details: () => Promise<Record<string, unknown>>) => void,
): void {
  const read = () => lastVerifiedBackup(orm.em.fork());
  metrics.setBackupAgeSource(async () => backupAgeSeconds(await read(), new Date()));
  showWhenReady(async () => {
    const backup = await read();
    return {
      lastVerifiedBackup: backup && {
        at: backup.finishedAt.toISOString(),
        ageSeconds: backupAgeSeconds(backup, new Date()),
        file: path.basename(backup.file),
        sizeBytes: backup.sizeBytes,
      },
    };
  });
}
