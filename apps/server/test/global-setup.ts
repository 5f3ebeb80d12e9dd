import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import type { TestProject } from 'vitest/node';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/core/database/database-url.js';
import { startEmbeddedPostgres } from '../src/core/database/embedded.js';
import { migrate } from '../src/core/database/migrate.js';
import { ormConfig } from '../src/core/database/orm.js';
import { createLogger } from '../src/core/logger.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}

const TEMPLATE = `dossier_test_template_${process.pid}`;

/**
 * One PostgreSQL per test run (TEST_DATABASE_URL's server, else an embedded one in a temporary folder) and
 * one migrated template database that each test file clones into its own fresh database.
 */
export default async function setup(project: TestProject) {
  const log = createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'development' });
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopPostgres = async () => undefined as unknown;
  let dataDir: string | undefined;
  if (!adminUrl) {
    dataDir = await mkdtemp(path.join(tmpdir(), 'dossier-test-pg-'));
    // mkdtemp makes a private folder; as root, PostgreSQL runs as `postgres` and must enter it.
    await chmod(dataDir, 0o755);
    const postgres = await startEmbeddedPostgres(path.join(dataDir, 'data'), log);
    adminUrl = postgres.adminUrl;
    stopPostgres = postgres.stop;
  }
  try {
    await dropDatabase(adminUrl, TEMPLATE);
    await ensureDatabase(adminUrl, TEMPLATE);
    const orm = await MikroORM.init(ormConfig(withDatabase(adminUrl, TEMPLATE)));
    await migrate(orm, log);
    await orm.close();
  } catch (error) {
    await stopPostgres();
    throw error;
  }
  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE);

  return async () => {
    await dropDatabase(adminUrl, TEMPLATE).catch(() => undefined);
    await stopPostgres();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
