import { chmod, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { loadEnv } from '../../core/env.js';
import { createLogger } from '../../core/logger.js';
import { type RunningDossier, startDossier } from '../../server.js';

const db = await testDatabase();
let dossier: RunningDossier;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'dossier-backup-ready-'));
  await chmod(folder, 0o755);
  const env = loadEnv({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: db.url,
    DOSSIER_SEED: 'none',
    DOSSIER_BACKUP_CRON: '0 2 * * *',
    DOSSIER_BACKUP_DIR: folder,
  });
  dossier = await startDossier(env, createLogger(env));
});

afterAll(() => dossier.stop());

describe('a server with scheduled backups', () => {
  it('takes the missed backup at start and shows the last verified one in /readyz', async () => {
    const ready = async () =>
      (await (await fetch(`http://127.0.0.1:${dossier.port}/readyz`)).json()) as {
        status: string;
        lastVerifiedBackup: { at: string; ageSeconds: number } | null;
      };
    // No backup has ever run, so the schedule's latest slot went by without one: it is taken at start.
    let answer = await ready();
    for (const deadline = Date.now() + 60_000; !answer.lastVerifiedBackup && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      answer = await ready();
    }
    expect(answer.status).toBe('ready');
    expect(answer.lastVerifiedBackup?.ageSeconds).toBeLessThan(60);
    const [run] = await db.orm.em
      .fork()
      .execute<{ finished_at: string; file: string }[]>(
        'select finished_at, file from backup_run where verified',
      );
    expect(new Date(answer.lastVerifiedBackup?.at ?? '')).toEqual(new Date(run?.finished_at ?? ''));
    expect(await readdir(folder)).toEqual([path.basename(run?.file ?? '')]);
  });
});
