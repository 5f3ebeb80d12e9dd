import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverRoot } from '../../bench/http/servers.js';
import { withDatabase } from '../../src/core/database/database-url.js';
import { startEmbeddedPostgres } from '../../src/core/database/embedded.js';
import { createLogger } from '../../src/core/logger.js';
import { readArchive } from '../../src/modules/backup/backup.format.js';
import { backupWorld, fingerprint } from '../backup-world.js';
import { testDatabase } from '../harness.js';

// Issue 12, acceptance 1: `pnpm dossier backup` → `pnpm dossier restore` into a fresh data folder gives a
// database equal to the source, table by table and document by document; a damaged file is refused.
const db = await testDatabase();
const silent = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'development' });
let folder: string;
type Run = Awaited<ReturnType<typeof dossier>>;
let backup: Run;
let refusals: Promise<[Run, Run]>;
const file = () => path.join(folder, 'dossier.backup');

/** Restores a truncated copy of the backup and one with a byte changed, each into a fresh folder. */
async function restoreDamaged() {
  const bytes = await readFile(file());
  const truncated = path.join(folder, 'truncated.backup');
  const flipped = path.join(folder, 'flipped.backup');
  await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  const copy = Buffer.from(bytes);
  const middle = Math.floor(bytes.length / 2);
  copy[middle] = (copy[middle] ?? 0) ^ 0x01;
  await writeFile(flipped, copy);
  return Promise.all([
    dossier(['restore', truncated], { DOSSIER_DATA_DIR: path.join(folder, 'cut') }),
    dossier(['restore', flipped], { DOSSIER_DATA_DIR: path.join(folder, 'changed') }),
  ]);
}

/** Runs `pnpm dossier …` as a person would, with only the given database settings. */
function dossier(args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _url, DOSSIER_DATA_DIR: _dir, ...inherited } = process.env;
  const child = spawn(process.execPath, ['scripts/run.mjs', 'src/cli/dossier.ts', ...args], {
    cwd: serverRoot,
    env: { ...inherited, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'dossier-backup-faults-'));
  // PostgreSQL runs as the `postgres` user under root: it must reach the data folders inside.
  await chmod(folder, 0o755);
  await backupWorld(db, 5);
  backup = await dossier(['backup', file()], { DATABASE_URL: db.url });
  // The damaged copies are restored alongside the round trip below: the CLI's start-up dominates both.
  if (backup.code === 0) refusals = restoreDamaged();
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('backup and restore through the command line', () => {
  it('restores into a fresh data folder a database equal to the source, documents included', async () => {
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(
      /^backup written: .*dossier\.backup \(\d+\.\d MB\): \d+ tables, \d+ rows, 5 documents/,
    );

    const dataDir = path.join(folder, 'restored');
    const restore = await dossier(['restore', file()], { DOSSIER_DATA_DIR: dataDir });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^restored .*: \d+ tables, \d+ rows, 5 documents, checksums verified/);

    const source = await fingerprint(db.url);
    expect(source.documents).toHaveLength(5);
    for (const document of source.documents) expect(document.actual).toBe(document.recorded);

    // With the restored cluster running (as under a live server), a backup reads that live database and
    // a restore over it is refused.
    const postgres = await startEmbeddedPostgres(dataDir, silent);
    try {
      const again = path.join(folder, 'again.backup');
      const [restored, live, over] = await Promise.all([
        fingerprint(withDatabase(postgres.adminUrl, 'dossier')),
        dossier(['backup', again], { DOSSIER_DATA_DIR: dataDir }),
        dossier(['restore', file(), '--force'], { DOSSIER_DATA_DIR: dataDir }),
      ]);
      expect(restored).toEqual(source);
      expect(live.code).toBe(0);
      const tables = async (backup: string) => (await readArchive(backup)).manifest.tables;
      expect(await tables(again)).toEqual(await tables(file()));
      expect(over.code).toBe(3);
      expect(over.stderr).toMatch(/^dossier: The data folder .* is used by another running Dossier server/);
    } finally {
      await postgres.stop();
    }
  }, 90_000);

  it('refuses a truncated backup and one with a flipped byte, and writes nothing', async () => {
    const [cut, changed] = await refusals;
    expect(cut.code).toBe(3);
    expect(cut.stderr).toMatch(
      /^dossier: backup file is damaged: .*truncated\.backup: its end marker is missing/,
    );
    expect(changed.code).toBe(3);
    expect(changed.stderr).toMatch(
      /^dossier: backup file is damaged: .*flipped\.backup: its SHA-256 is [0-9a-f]{64}, the backup recorded [0-9a-f]{64}: bytes changed/,
    );
    expect(existsSync(path.join(folder, 'cut'))).toBe(false);
    expect(existsSync(path.join(folder, 'changed'))).toBe(false);
  }, 60_000);
});
