import { fixedClock } from '../src/core/clock/clock.js';
import type { ScheduledJob } from '../src/core/jobs/scheduled-job.js';
import { createLogger } from '../src/core/logger.js';
import { processEnv } from '../src/core/process-env.js';
import { scheduledJobsFor } from '../src/jobs.registry.js';
import { startDossier } from '../src/server.js';
import { probeJob } from './probe-jobs.js';

/**
 * A Dossier server process on an injected clock, for process-level tests of the scheduled jobs (src/main.ts
 * with a stopped clock): `node scripts/run.mjs test/clocked-server.ts` with
 *  - DOSSIER_TEST_NOW: the instant the process lives at (ISO with offset), read in DOSSIER_TIME_ZONE;
 *  - DOSSIER_TEST_PROBE: a runner name; when set, the process runs the probe jobs of test/probe-jobs.ts
 *    (recording into probe_run, which the test creates) in place of the registry's jobs.
 *  - DOSSIER_TEST_GO: a wall-clock instant (epoch ms) the process waits for before starting.
 * It stops on SIGTERM as main.ts does, after the job pass in progress.
 */
const env = processEnv();
const log = createLogger(env);
const now = process.env.DOSSIER_TEST_NOW;
if (!now) throw new Error('DOSSIER_TEST_NOW is required: the instant this server lives at');
const runner = process.env.DOSSIER_TEST_PROBE;
const jobs: readonly ScheduledJob[] = runner
  ? [
      probeJob('process_hourly', '0 * * * *', { catchUp: 'all', runner, takes: 5 }),
      probeJob('process_daily', '0 7 * * *', { runner, takes: 5 }),
    ]
  : scheduledJobsFor(env, log);

// DOSSIER_TEST_GO (epoch ms, wall clock): start no sooner, so that processes launched together run their
// first job pass at the same moment and really race for the slots.
const go = Number(process.env.DOSSIER_TEST_GO ?? 0);
if (go > Date.now()) await new Promise((resolve) => setTimeout(resolve, go - Date.now()));
const dossier = await startDossier(env, log, fixedClock(now, env.DOSSIER_TIME_ZONE), jobs);
log.info({ port: dossier.port, now }, 'Dossier is ready');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.once(signal, async () => {
    await dossier.stop();
    log.info('stopped');
    process.exit(0);
  });
}
