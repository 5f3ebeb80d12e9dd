import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './core/database/connect.js';
import { EnvError, loadEnv } from './core/env.js';
import { createLogger } from './core/logger.js';
import { startDossier } from './server.js';

// Variables already set in the environment win over the .env file.
const dotenv = path.join(projectRoot(), '.env');
if (existsSync(dotenv)) process.loadEnvFile(dotenv);

let env: ReturnType<typeof loadEnv>;
try {
  env = loadEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}

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
