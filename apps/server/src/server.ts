import 'reflect-metadata';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Clock, systemClock } from './core/clock/clock.js';
import { setProcessClock } from './core/clock/current-clock.js';
import { openDatabase } from './core/database/connect.js';
import { migrate } from './core/database/migrate.js';
import { connectionLimits, ormConfig } from './core/database/orm.js';
import { readReplicas } from './core/database/replicas.js';
import type { Env } from './core/env.js';
import { buildDossierSchema } from './core/graphql/schema.js';
import { createApp } from './core/http/app.js';
import { startJobs } from './core/jobs/job-runner.js';
import type { ScheduledJob } from './core/jobs/scheduled-job.js';
import type { Logger } from './core/logger.js';
import { DossierMetrics } from './core/metrics/metrics.js';
import { checkDatabase } from './core/startup/check-database.js';
import { portProblem } from './core/startup/startup-problem.js';
import { scheduledJobsFor } from './jobs.registry.js';
import { startAbcSchedule } from './modules/abc/abc.schedule.js';
import { backupScheduleOf, startBackupSchedule } from './modules/backup/backup.schedule.js';
import { showLastVerifiedBackup } from './modules/backup/backup.status.js';
import { riskThresholdsOf } from './modules/risk/risk.settings.js';
import { seedOnFirstStart } from './seed/first-start.js';

export interface RunningDossier {
  port: number;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** What Node's HTTP parser refuses before Express sees the request, by the status Node itself would send. */
const CLIENT_ERRORS: Record<string, [status: string, message: string]> = {
  HPE_HEADER_OVERFLOW: [
    '431 Request Header Fields Too Large',
    'The URL and headers are larger than the server reads (16 KB): send the operation as a POST body',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: ['408 Request Timeout', 'The request did not arrive in time'],
};

/**
 * Answers those requests in JSON with a code, as every other answer on /graphql: Node's default is a bare
 * status line with no body, which a client cannot tell from a crash.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, message] = CLIENT_ERRORS[error.code ?? ''] ?? [
    '400 Bad Request',
    'The HTTP request could not be read',
  ];
  const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(portProblem(error, port, host)));
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Stops accepting connections and lets the requests in flight finish, for at most `timeoutMs`; then closes
 * whatever is still open. Keep-alive connections are closed as soon as they fall idle.
 */
async function closeGracefully(server: Server, timeoutMs: number, log: Logger): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  try {
    if ((await Promise.race([closed, late])) === 'late') {
      log.warn({ timeoutMs }, 'requests still in flight after DOSSIER_SHUTDOWN_TIMEOUT_MS: closing them');
      server.closeAllConnections();
      await closed;
    }
  } finally {
    clearInterval(idle);
    clearTimeout(timer);
  }
}

const STARTING = 'Dossier is starting: try again in a few seconds';

/**
 * Until the app is ready the port answers 503 with Retry-After, as /readyz would: to a GraphQL client as a
 * GraphQL error it can read (SERVICE_UNAVAILABLE, as while the database is away), to anyone else in words.
 */
const answerWhileStarting: RequestListener = (req, res) => {
  if (req.url?.startsWith('/graphql')) {
    const body = { errors: [{ message: STARTING, extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' }).end(JSON.stringify(body));
    return;
  }
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' }).end(STARTING);
};

/**
 * Brings up database, schema and HTTP in order; whatever started before a failure is stopped again, so no
 * PostgreSQL outlives a failed start. `clock`: the real time in the configured zone; tests pin it, and with
 * it the slots the scheduled `jobs` find due (a process test passes its own jobs).
 */
export async function startDossier(
  env: Env,
  log: Logger,
  clock: Clock = systemClock(env.DOSSIER_TIME_ZONE),
  jobs?: readonly ScheduledJob[],
): Promise<RunningDossier> {
  setProcessClock(clock);
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const step of stops.splice(0).reverse())
      await step().catch((err) => log.error({ err }, 'shutdown step failed'));
  };
  try {
    // The port first, then the database, then data: a start that fails on either has written nothing.
    // Until the app is ready the port answers 503, as /readyz would.
    let handle: RequestListener = answerWhileStarting;
    // Node bounds receiving a whole request, body included: a document upload gets its own, longer time.
    // GraphQL keeps the shorter one through requestDeadline, which also closes a connection whose body is
    // still trickling in; headers always arrive within the shorter one. Node looks for expired requests
    // every connectionsCheckingInterval (30 s by default), so it looks as often as the shorter time needs.
    const server = createServer(
      {
        requestTimeout: Math.max(env.DOSSIER_REQUEST_TIMEOUT_MS, env.DOSSIER_UPLOAD_TIMEOUT_MS),
        connectionsCheckingInterval: Math.min(30_000, Math.ceil(env.DOSSIER_REQUEST_TIMEOUT_MS / 4)),
      },
      (req, res) => handle(req, res),
    );
    server.headersTimeout = Math.min(server.headersTimeout, env.DOSSIER_REQUEST_TIMEOUT_MS);
    server.on('clientError', answerClientError);
    const port = await listen(server, env.PORT, env.HOST);
    // A start that fails before the app is ready frees the port; once ready, the graceful step below does.
    let ready = false;
    stops.push(async () => {
      if (!ready) await new Promise((resolve) => server.close(resolve));
    });

    const database = await openDatabase(env, log);
    stops.push(database.stop);
    const facts = await checkDatabase(database.url, env);
    const orm = await MikroORM.init(
      ormConfig(
        database.url,
        {
          ...connectionLimits({
            statementTimeoutMs: env.DOSSIER_STATEMENT_TIMEOUT_MS,
            connectTimeoutMs: env.DOSSIER_DB_CONNECT_TIMEOUT_MS,
            acquireTimeoutMs: env.DOSSIER_DB_ACQUIRE_TIMEOUT_MS,
          }),
          ...readReplicas(env.DATABASE_REPLICA_URLS),
        },
        riskThresholdsOf(env),
      ),
    );
    stops.push(() => orm.close());
    await facts.assertMayMigrate(orm);
    await migrate(orm, log);
    await seedOnFirstStart(orm, env, log, clock);
    const metrics = new DossierMetrics(orm, log);
    stops.push(startAbcSchedule(orm, log, clock, metrics));
    stops.push(startJobs(orm, clock, jobs ?? scheduledJobsFor(env, log, metrics), { log, metrics }));
    if (env.DOSSIER_BACKUP_CRON) {
      stops.push(
        startBackupSchedule(database.url, backupScheduleOf(env, env.DOSSIER_BACKUP_CRON), log, metrics),
      );
    }
    const {
      app,
      stop: stopApp,
      drain,
      showWhenReady,
    } = await createApp(orm, await buildDossierSchema(), env, log, clock, metrics);
    stops.push(stopApp);
    showLastVerifiedBackup(orm, metrics, showWhenReady);
    handle = app;
    ready = true;
    stops.push(async () => {
      drain();
      await closeGracefully(server, env.DOSSIER_SHUTDOWN_TIMEOUT_MS, log);
    });
    return { port, databaseUrl: database.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
