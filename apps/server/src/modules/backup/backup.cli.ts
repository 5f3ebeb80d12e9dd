import { parseArgs } from 'node:util';
import { openDatabase, openDatabaseOrLive } from '../../core/database/connect.js';
import { DataFolderInUseError } from '../../core/database/postmaster-lock.js';
import type { Env } from '../../core/env.js';
import type { Logger } from '../../core/logger.js';
import { UsageError } from '../import/import.cli.js';
import { BackupDamagedError, readArchive } from './backup.format.js';
import { RestoreRefusedError, restoreArchive } from './backup.restore.js';
import { backupFileIn, backupFolder, createBackup } from './backup.write.js';

/** A command that opens the database itself: backup and restore must not migrate it first. */
export type DatabaseTask = (env: Env, log: Logger) => Promise<number>;

/** Exit status of a refused restore: a damaged file, or a target that does not allow it (or is in use). */
export const REFUSED = 3;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function backupCommand(args: string[]): DatabaseTask {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new UsageError('backup takes at most one file');
  return async (env, log) => {
    const file = positionals[0] ?? backupFileIn(backupFolder(env), new Date());
    const database = await openDatabaseOrLive(env, log);
    try {
      const done = await createBackup(database.url, file);
      console.log(
        `backup written: ${done.file} (${megabytes(done.bytes)}): ${done.tables} tables, ${done.rows} rows, ` +
          `${done.documents} documents in ${(done.ms / 1000).toFixed(1)} s`,
      );
      return 0;
    } finally {
      await database.stop();
    }
  };
}

export function restoreCommand(args: string[]): DatabaseTask {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false } },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('restore takes exactly one backup file');
  return async (env, log) => {
    try {
      // Every byte is checked before the target is opened: a damaged file writes nothing anywhere.
      const archive = await readArchive(file);
      const database = await openDatabase(env, log);
      try {
        const done = await restoreArchive(archive, database.url, { force: values.force });
        console.log(
          `restored ${file} (taken ${archive.manifest.createdAt}, schema ${archive.manifest.schemaVersion}): ` +
            `${done.tables} tables, ${done.rows} rows, ${done.documents} documents, checksums verified, ` +
            `in ${(done.ms / 1000).toFixed(1)} s`,
        );
        return 0;
      } finally {
        await database.stop();
      }
    } catch (error) {
      const refused = [BackupDamagedError, RestoreRefusedError, DataFolderInUseError];
      if (!refused.some((kind) => error instanceof kind)) throw error;
      console.error(`dossier: ${(error as Error).message}`);
      return REFUSED;
    }
  };
}
