import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { loadEnv } from '../../core/env.js';
import { buildDossierSchema } from '../../core/graphql/schema.js';
import { createApp } from '../../core/http/app.js';
import { createLogger } from '../../core/logger.js';
import { DossierMetrics } from '../../core/metrics/metrics.js';
import { showLastVerifiedBackup } from './backup.status.js';

// Issue 12: "the admin page and /readyz details show the last verified backup"; /metrics its age.
const db = await testDatabase();
const TOKEN = 'a-metrics-token-of-32-characters';
const HOUR = 3_600_000;
let base = '';
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const log = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  const env = loadEnv({ NODE_ENV: 'test', DOSSIER_METRICS_TOKEN: TOKEN });
  const metrics = new DossierMetrics(db.orm, log);
  const { app, stop, showWhenReady } = await createApp(
    db.orm,
    await buildDossierSchema(),
    env,
    log,
    db.clock,
    metrics,
  );
  showLastVerifiedBackup(db.orm, metrics, showWhenReady);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    await stop();
    await new Promise((resolve) => server.close(resolve));
  };
});
afterAll(() => close());

const readyz = async () => {
  const response = await fetch(`${base}/readyz`);
  expect(response.status).toBe(200);
  return (await response.json()) as { status: string; lastVerifiedBackup: Record<string, unknown> | null };
};
const backupAge = async () => {
  const text = await (
    await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
  ).text();
  return text.split('\n').find((line) => line.startsWith('dossier_backup_last_verified_age_seconds '));
};

async function recordRun(finishedAt: Date, file: string, verified: boolean) {
  await db.orm.em
    .getConnection()
    .execute(
      'insert into backup_run (slot, started_at, finished_at, file, size_bytes, verified, error) values (?, ?, ?, ?, ?, ?, ?)',
      [finishedAt, finishedAt, finishedAt, file, 1_234_567, verified, verified ? null : 'restore differed'],
    );
}

it('says there is no verified backup yet, ready all the same', async () => {
  expect(await readyz()).toEqual({ status: 'ready', lastVerifiedBackup: null });
  expect(await backupAge()).toBe('dossier_backup_last_verified_age_seconds +Inf');
});

it('shows the newest verified backup, not a newer one whose restore failed', async () => {
  const verifiedAt = new Date(Date.now() - 2 * HOUR);
  await recordRun(new Date(Date.now() - 26 * HOUR), '/srv/backups/dossier-older.backup', true);
  await recordRun(verifiedAt, '/srv/backups/dossier-verified.backup', true);
  await recordRun(new Date(Date.now() - HOUR), '/srv/backups/dossier-failed.backup', false);

  const { lastVerifiedBackup } = await readyz();
  expect(lastVerifiedBackup).toMatchObject({
    at: verifiedAt.toISOString(),
    file: 'dossier-verified.backup',
    sizeBytes: 1_234_567,
  });
  expect(lastVerifiedBackup?.ageSeconds).toBeGreaterThanOrEqual(7_200);
  expect(lastVerifiedBackup?.ageSeconds).toBeLessThan(7_200 + 60);
  const age = Number((await backupAge())?.split(' ')[1]);
  expect(age).toBeGreaterThanOrEqual(7_200);
  expect(age).toBeLessThan(7_200 + 60);
});
