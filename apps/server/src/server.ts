import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Clock, systemClock } from './core/clock/clock.js';
import { setProcessClock } from './core/clock/current-clock.js';
import { openDatabase } from './core/database/connect.js';
import { migrate } from './core/database/migrate.js';
import { ormConfig } from './core/database/orm.js';
import type { Env } from './core/env.js';
import { buildDossierSchema } from './core/graphql/schema.js';
import { createApp } from './core/http/app.js';
import type { Logger } from './core/logger.js';
import { startAbcSchedule } from './modules/abc/abc.schedule.js';
import { riskThresholdsOf } from './modules/risk/risk.settings.js';
import { seedOnFirstStart } from './seed/first-start.js';

export interface RunningDossier {
  port: number;
  databaseUrl: string;
  stop(): Promise<void>;
}

function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Brings up database, schema and HTTP in order; whatever started before a failure is stopped again, so no
 * PostgreSQL outlives a failed start. `clock`: the real time in the configured zone; tests pin it.
 */
export async function startDossier(
  env: Env,
  log: Logger,
  clock: Clock = systemClock(env.DOSSIER_TIME_ZONE),
): Promise<RunningDossier> {
  setProcessClock(clock);
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const step of stops.splice(0).reverse())
      await step().catch((err) => log.error({ err }, 'shutdown step failed'));
  };
  try {
    const database = await openDatabase(env, log);
    stops.push(database.stop);
    const orm = await MikroORM.init(ormConfig(database.url, {}, riskThresholdsOf(env)));
    stops.push(() => orm.close());
    await migrate(orm, log);
    await seedOnFirstStart(orm, env, log, clock);
    stops.push(startAbcSchedule(orm, log, clock));
    const { app, stop: stopApp } = await createApp(orm, await buildDossierSchema(), env, log, clock);
    stops.push(stopApp);
    const server = createServer(app);
    const port = await listen(server, env.PORT, env.HOST);
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
    );
    return { port, databaseUrl: database.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
