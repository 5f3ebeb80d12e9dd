import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './database/connect.js';
import { type Env, EnvError, loadEnv } from './env.js';

/** The project's .env file into process.env; variables already in the environment win. */
export function loadProjectDotenv(): void {
  const dotenv = path.join(projectRoot(), '.env');
  if (existsSync(dotenv)) process.loadEnvFile(dotenv);
}

/**
 * The configuration of a process started from the command line: the project's .env file (variables
 * already in the environment win), validated; on any problem every one is printed and the process exits 1.
 */
export function processEnv(): Env {
  loadProjectDotenv();
  try {
    return loadEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    // One sentence like every other start-up problem (main.ts): each setting's problem, then what to do.
    console.error(
      `Dossier could not start: invalid settings: ${error.problems.join('; ')} (see .env.example).`,
    );
    process.exit(1);
  }
}
