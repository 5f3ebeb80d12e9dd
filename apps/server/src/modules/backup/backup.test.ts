import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupWorld, fingerprint } from '../../../test/backup-world.js';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../../core/database/database-url.js';
import { BackupDamagedError, readArchive, writeArchive } from './backup.format.js';
import { RestoreRefusedError, restoreArchive, verifyBackup } from './backup.restore.js';
import { createBackup } from './backup.write.js';

const db = await testDatabase();
let folder: string;
let file: string;
const targets: string[] = [];

/** An empty database on the test server, as a fresh install's would be before its first start. */
async function emptyDatabase(): Promise<string> {
  const name = `dossier_restore_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(db.adminUrl, name);
  targets.push(name);
  return withDatabase(db.adminUrl, name);
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'dossier-backup-'));
  await chmod(folder, 0o755);
  file = path.join(folder, 'source.backup');
  await backupWorld(db);
});

afterAll(async () => {
  for (const name of targets) await dropDatabase(db.adminUrl, name);
});

describe('backup and restore', () => {
  it('restores every table and every document byte for byte', async () => {
    const summary = await createBackup(db.url, file);
    expect(summary).toMatchObject({ documents: 3, file });
    const target = await emptyDatabase();
    const restored = await restoreArchive(await readArchive(file), target, { force: false });

    expect(restored).toMatchObject({ tables: summary.tables, rows: summary.rows, documents: 3 });
    const source = await fingerprint(db.url);
    expect(await fingerprint(target)).toEqual(source);
    expect(source.documents).toHaveLength(3);
    for (const document of source.documents) expect(document.actual).toBe(document.recorded);
  });

  it('refuses a target that holds data unless forced, and then replaces it', async () => {
    await createBackup(db.url, file);
    const target = await emptyDatabase();
    await restoreArchive(await readArchive(file), target, { force: false });
    await builders(db.orm).customer();
    await createBackup(db.url, file);
    const before = await fingerprint(target);

    await expect(restoreArchive(await readArchive(file), target, { force: false })).rejects.toThrow(
      /the target holds Dossier data \(rows in .*\).*pass --force/,
    );
    expect(await fingerprint(target)).toEqual(before);

    await restoreArchive(await readArchive(file), target, { force: true });
    expect(await fingerprint(target)).toEqual(await fingerprint(db.url));
  });

  it('refuses a file with any byte changed or cut short, before touching a database', async () => {
    await createBackup(db.url, file);
    const bytes = await readFile(file);
    const damaged = path.join(folder, 'damaged.backup');
    // Every 499th byte: tar headers, their zero padding, gzip'd rows and the trailer alike.
    for (let at = 0; at < bytes.length; at += 499) {
      const copy = Buffer.from(bytes);
      copy[at] = (copy[at] ?? 0) ^ 0x20;
      await writeFile(damaged, copy);
      await expect(readArchive(damaged), `byte ${at}`).rejects.toThrow(BackupDamagedError);
    }
    for (const length of [0, 100, 1024, bytes.length / 2, bytes.length - 1]) {
      await writeFile(damaged, bytes.subarray(0, Math.floor(length)));
      await expect(readArchive(damaged)).rejects.toThrow(/^backup file is damaged: .*truncated/);
    }
  });

  it('refuses a backup of a schema newer than this code knows', async () => {
    await createBackup(db.url, file);
    const { manifest, parts } = await readArchive(file);
    const future = path.join(folder, 'future.backup');
    await writeArchive(future, { ...manifest, schemaVersion: 'Migration29991231000000_future' }, parts);

    const target = await emptyDatabase();
    const refusal = restoreArchive(await readArchive(future), target, { force: false });
    await expect(refusal).rejects.toThrow(RestoreRefusedError);
    await expect(refusal).rejects.toThrow(/schema version Migration29991231000000_future is unknown/);
  });

  it('takes a consistent backup while customers are being added', async () => {
    const build = builders(db.orm);
    let writing = true;
    let added = 0;
    const writer = (async () => {
      while (writing) {
        await build.customer();
        added++;
      }
    })();
    try {
      // Let the writes get going, then back up in the middle of them.
      while (added < 3) await new Promise((resolve) => setTimeout(resolve, 10));
      const during = await createBackup(db.url, file);
      expect(during.rows).toBeGreaterThan(0);
    } finally {
      writing = false;
      await writer;
    }
    const { manifest } = await readArchive(file);
    const rows = (name: string) => manifest.tables.find((table) => table.name === name)?.rows;
    // Each customer insert adds its ABC grade and risk row by trigger, in the same transaction.
    expect(rows('abc_grade')).toBe(rows('customer'));
    expect(rows('risk_assessment')).toBe(rows('customer'));
    const verification = await verifyBackup(file, db.adminUrl);
    expect(verification).toMatchObject({ verified: true, documents: 3, tables: manifest.tables.length });
  });
});
