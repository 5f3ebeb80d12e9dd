import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serverRoot } from '../../bench/http/servers.js';
import { findFreePort } from '../../src/core/database/free-port.js';

/**
 * A Dossier server process of its own, with its own embedded PostgreSQL in a temporary data folder, that
 * the fault tests stop, kill and start again on the same folder.
 */
export interface FaultServer {
  pid: number;
  base: string;
  /** Resolves with how the process ended; `exitCode` stays null while it runs. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exitCode(): number | null | 'running';
  output(): string;
}

/** A temporary folder PostgreSQL (the `postgres` user, when the tests run as root) can enter. */
export async function scratchFolder(): Promise<{ dataDir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dossier-faults-'));
  await chmod(dir, 0o755);
  return { dataDir: path.join(dir, 'data'), remove: () => rm(dir, { recursive: true, force: true }) };
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

export async function readyStatus(base: string): Promise<number> {
  return fetch(`${base}/readyz`, { signal: AbortSignal.timeout(10_000) }).then(
    (response) => response.status,
    () => 0,
  );
}

/** Starts `src/main.ts` from source on a free port and waits until /readyz answers 200. */
export async function launch(dataDir: string, env: Record<string, string> = {}): Promise<FaultServer> {
  const port = await findFreePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=development', '--import', '@swc-node/register/esm-register', 'src/main.ts'],
    {
      cwd: serverRoot,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: 'tsconfig.json',
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        DOSSIER_SEED: 'none',
        DOSSIER_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const server: FaultServer = {
    pid: child.pid ?? 0,
    base: `http://127.0.0.1:${port}`,
    exited,
    exitCode: () => (child.exitCode === null && child.signalCode === null ? 'running' : child.exitCode),
    output: () => log,
  };
  try {
    await waitUntil(
      'the server is ready',
      async () => {
        if (server.exitCode() !== 'running') throw new Error(`the server exited:\n${log.slice(-4000)}`);
        return (await readyStatus(server.base)) === 200;
      },
      150_000,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return server;
}

/** The postmaster running in `dataDir` (postmaster.pid's first line), or null. */
export async function postmasterPid(dataDir: string): Promise<number | null> {
  const lock = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => null);
  return lock === null ? null : Number.parseInt(lock.split('\n')[0] ?? '', 10);
}

export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The URL of the server's database, from the folder: the credentials Dossier stored and postmaster.pid's port. */
export async function databaseUrl(dataDir: string): Promise<string> {
  const { password } = JSON.parse(await readFile(path.join(dataDir, 'dossier-credentials.json'), 'utf8'));
  const lock = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
  const port = lock.split('\n')[3];
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/dossier`;
}

/**
 * pg_ctl of the PostgreSQL the server runs (postmaster.opts names its binary and options), as the
 * `postgres` user when the tests run as root, as an operator stopping and starting the database would.
 */
export async function pgCtl(dataDir: string, action: 'stop' | 'start'): Promise<void> {
  const opts = await readFile(path.join(dataDir, 'postmaster.opts'), 'utf8');
  const words = [...opts.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
  const binary = path.join(path.dirname(words[0] ?? ''), 'pg_ctl');
  const port = words[words.indexOf('-p') + 1];
  const args =
    action === 'stop'
      ? ['-D', dataDir, 'stop', '-m', 'fast', '-w']
      : ['-D', dataDir, 'start', '-w', '-o', `-p ${port}`, '-l', path.join(dataDir, 'restarted.log')];
  const asPostgres =
    process.getuid?.() === 0
      ? {
          uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
          gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
        }
      : {};
  await new Promise<void>((resolve, reject) => {
    const run = spawn(binary, args, { ...asPostgres, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let err = '';
    run.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    run.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`pg_ctl ${action} exited ${code}: ${err}`)),
    );
  });
}

/** Kills what is left of a server and its PostgreSQL after a test, whatever state they were left in. */
export async function cleanUp(servers: FaultServer[], dataDir: string): Promise<void> {
  for (const server of servers) if (server.exitCode() === 'running') process.kill(server.pid, 'SIGKILL');
  const pid = existsSync(dataDir) ? await postmasterPid(dataDir) : null;
  if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
}
