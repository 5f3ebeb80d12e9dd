import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Clock, systemClock } from '../core/clock/clock.js';
import { setProcessClock } from '../core/clock/current-clock.js';
import { openDatabase } from '../core/database/connect.js';
import { ormConfig } from '../core/database/orm.js';
import type { Env } from '../core/env.js';
import { createLogger, type Logger } from '../core/logger.js';
import { processEnv } from '../core/process-env.js';
import { riskThresholdsOf } from '../modules/risk/risk.settings.js';

/**
 * Runs a command-line task configured like the server (.env, then the environment) and exits with its
 * status; a failure is logged and exits 1.
 */
export async function runCommand(task: (env: Env, log: Logger, clock: Clock) => Promise<number>) {
  const env = processEnv();
  const log = createLogger(env);
  const clock = systemClock(env.DOSSIER_TIME_ZONE);
  setProcessClock(clock);
  let status = 1;
  try {
    status = await task(env, log, clock);
  } catch (error) {
    log.fatal({ err: error }, 'failed');
  }
  process.exit(status);
}

/**
 * Runs a command-line task on the database the server would use: DATABASE_URL or the embedded PostgreSQL,
 * which is stopped again afterwards.
 */
export async function runOnDatabase(
  task: (orm: MikroORM, env: Env, log: Logger, clock: Clock) => Promise<number>,
) {
  await runCommand(async (env, log, clock) => {
    const database = await openDatabase(env, log);
    try {
      const orm = await MikroORM.init(ormConfig(database.url, {}, riskThresholdsOf(env)));
      try {
        return await task(orm, env, log, clock);
      } finally {
        await orm.close();
      }
    } finally {
      await database.stop();
    }
  });
}
