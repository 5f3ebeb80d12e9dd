import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import { assertWritableFolder } from '../startup/data-folder.js';
import { ensureDatabase, withDatabase } from './database-url.js';
import { liveEmbeddedAdminUrl, startEmbeddedPostgres } from './embedded.js';
import { DataFolderInUseError } from './postmaster-lock.js';

export interface Database {
  url: string;
  /** True when this process started the PostgreSQL it uses. */
  embedded: boolean;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'dossier';

/** The folder holding pnpm-workspace.yaml, wherever the server runs from (src or dist). */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export function defaultDataDir(env: Pick<Env, 'DOSSIER_DATA_DIR'>): string {
  return path.resolve(env.DOSSIER_DATA_DIR ?? path.join(projectRoot(), '.data', 'postgres'));
}

/** Uses DATABASE_URL as given, or starts (and on first start creates) the embedded PostgreSQL. */
export async function openDatabase(env: Env, log: Logger): Promise<Database> {
  if (env.DATABASE_URL) {
    log.info('using the PostgreSQL named by DATABASE_URL');
    return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const dataDir = defaultDataDir(env);
  await assertWritableFolder(dataDir);
  const postgres = await startEmbeddedPostgres(dataDir, log);
  try {
    await ensureDatabase(postgres.adminUrl, DATABASE_NAME);
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  log.info({ dataDir }, 'embedded PostgreSQL is running');
  return { url: withDatabase(postgres.adminUrl, DATABASE_NAME), embedded: true, stop: postgres.stop };
}

/**
 * Like openDatabase, but when a running server holds the embedded data folder, the database of that live
 * PostgreSQL (for tasks that only read, such as a backup).
 */
export async function openDatabaseOrLive(env: Env, log: Logger): Promise<Database> {
  try {
    return await openDatabase(env, log);
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    const adminUrl = await liveEmbeddedAdminUrl(defaultDataDir(env));
    log.info('using the embedded PostgreSQL of the running Dossier server');
    return { url: withDatabase(adminUrl, DATABASE_NAME), embedded: false, stop: async () => undefined };
  }
}
