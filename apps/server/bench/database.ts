import 'reflect-metadata';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { type Clock, systemClock } from '../src/core/clock/clock.js';
import { setProcessClock } from '../src/core/clock/current-clock.js';
import { openDatabase, projectRoot } from '../src/core/database/connect.js';
import { migrate } from '../src/core/database/migrate.js';
import { ormConfig } from '../src/core/database/orm.js';
import type { Env } from '../src/core/env.js';
import { createLogger, type Logger } from '../src/core/logger.js';
import { processEnv } from '../src/core/process-env.js';
import { riskThresholdsOf } from '../src/modules/risk/risk.settings.js';
import { bulkSessions } from './load.js';

export interface Bench {
  orm: MikroORM;
  /** Raw sessions tuned for bulk work (see bulkSessions). */
  pool: pg.Pool;
  env: Env;
  log: Logger;
  clock: Clock;
}

/** The bench's configuration: its own embedded PostgreSQL in .data/bench/postgres unless DATABASE_URL is set. */
export function benchEnv(): Env {
  return {
    ...processEnv(),
    DOSSIER_DATA_DIR: path.join(projectRoot(), '.data', 'bench', 'postgres'),
    LOG_LEVEL: 'warn',
  };
}

/** Runs a task with the ORM and bulk sessions on the database at `url`, migrated first; closes them afterwards. */
export async function withBench(url: string, env: Env, task: (bench: Bench) => Promise<void>): Promise<void> {
  const log = createLogger(env);
  const clock = systemClock(env.DOSSIER_TIME_ZONE);
  setProcessClock(clock);
  const orm = await MikroORM.init(ormConfig(url, {}, riskThresholdsOf(env)));
  const pool = bulkSessions(url);
  try {
    await migrate(orm, log);
    await task({ orm, pool, env, log, clock });
  } finally {
    await pool.end();
    await orm.close();
  }
}

/**
 * Runs a bench task on DATABASE_URL's database, or else on an embedded PostgreSQL of the bench's own in
 * .data/bench/postgres (never the development server's), migrated first; stops everything afterwards and
 * exits with 0, or 1 after printing the failure.
 */
export async function runBench(task: (bench: Bench) => Promise<void>): Promise<never> {
  const env = benchEnv();
  let status = 1;
  try {
    const database = await openDatabase(env, createLogger(env));
    try {
      await withBench(database.url, env, task);
      status = 0;
    } finally {
      await database.stop();
    }
  } catch (error) {
    console.error(error);
  }
  process.exit(status);
}
