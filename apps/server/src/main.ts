import { createLogger } from './core/logger.js';
import { processEnv } from './core/process-env.js';
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
    log.info({ signal }, 'stopping');
    await dossier.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  log.fatal({ err: error }, 'Dossier could not start');
  process.exit(1);
}
