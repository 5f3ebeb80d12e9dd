import path from 'node:path';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { isoTime } from '../../core/database/iso-time.js';
import type { DossierMetrics } from '../../core/metrics/metrics.js';

export interface VerifiedBackup {
  /** When the backup was taken and its restore into a scratch database matched its manifest. */
  finishedAt: Date;
  file: string;
  sizeBytes: number;
}

/**
 * The newest scheduled backup a restore has verified (DOMAIN.md: only those are trusted), null before the
 * first. /readyz shows it and /metrics turns it into an age to alert on.
 */
export async function lastVerifiedBackup(em: EntityManager): Promise<VerifiedBackup | null> {
  const [row] = await em.getConnection().execute<{ finished_at: string; file: string; size_bytes: string }[]>(
    `select ${isoTime('finished_at')} as finished_at, file, size_bytes
     from backup_run where verified order by backup_run.finished_at desc limit 1`,
  );
  return row
    ? { finishedAt: new Date(row.finished_at), file: row.file, sizeBytes: Number(row.size_bytes) }
    : null;
}

/** Whole seconds since `backup` at `now`; null when there is none. */
export const backupAgeSeconds = (backup: VerifiedBackup | null, now: Date): number | null =>
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
