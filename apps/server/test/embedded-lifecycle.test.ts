import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/core/database/embedded.js';
import { inspectLock } from '../src/core/database/postmaster-lock.js';
import { createLogger } from '../src/core/logger.js';

const log = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
const serverDir = fileURLToPath(new URL('..', import.meta.url));
let root: string;
let dataDir: string;

/** A separate process owning the embedded PostgreSQL, like a running server. */
function holdPostgres(): Promise<ChildProcess> {
  const args = ['--conditions=development', '--import', '@swc-node/register/esm-register'];
  const child = spawn(process.execPath, [...args, 'test/fixtures/hold-postgres.ts', dataDir], {
    cwd: serverDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

async function notes(adminUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const { rows } = await client.query<{ note: string }>('select note from visit');
  await client.end();
  return rows.map((row) => row.note);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dossier-lifecycle-'));
  await chmod(root, 0o755);
  dataDir = path.join(root, 'postgres');
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('embedded PostgreSQL across unclean stops', () => {
  it('refuses a data folder that a running server uses, naming that server', async () => {
    const holder = await holdPostgres();
    try {
      await expect(startEmbeddedPostgres(dataDir, log)).rejects.toThrow(
        `used by another running Dossier server (process ${holder.pid})`,
      );
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('recovers after the server was killed with SIGKILL, keeping committed data', async () => {
    // The previous test's holder was SIGKILLed: its postgres is an orphan still holding the folder.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await inspectLock(dataDir)).kind).toBe('orphaned-postgres');
    const postgres = await startEmbeddedPostgres(dataDir, log);
    try {
      expect(await notes(postgres.adminUrl)).toEqual(['written before the crash']);
    } finally {
      await postgres.stop();
    }
    expect((await inspectLock(dataDir)).kind).toBe('none');
  });

  it('starts over a stale lock file whose process is gone', async () => {
    await writeFile(path.join(dataDir, 'postmaster.pid'), '999999\n');
    expect((await inspectLock(dataDir)).kind).toBe('stale');
    const postgres = await startEmbeddedPostgres(dataDir, log);
    try {
      expect(await notes(postgres.adminUrl)).toEqual(['written before the crash']);
    } finally {
      await postgres.stop();
    }
  });
});
