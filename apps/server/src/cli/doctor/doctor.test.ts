import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { findFreePort } from '../../core/database/free-port.js';
import { doctor } from './doctor.js';

const db = await testDatabase();
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'dossier-doctor-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** The report's lines as [status, check] pairs: the figures in them (free space, ages) vary by machine. */
const verdicts = (report: string) =>
  report
    .split('\n')
    .filter((line) => /^(OK|WARN|FAIL) /.test(line))
    .map((line) => line.split(/\s{2,}/).slice(0, 2));

describe('pnpm dossier doctor', () => {
  it('finds a migrated production setup behind TLS with a fresh verified backup healthy', async () => {
    await db.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into backup_run (slot, started_at, finished_at, file, size_bytes, verified)
         values (now() - interval '2 hours', now() - interval '2 hours', now() - interval '2 hours',
                 '/var/backups/dossier/dossier-nightly.backup', 1048576, true)`,
      );
    const { report, status } = await doctor({
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      DOSSIER_PUBLIC_URL: 'https://dossier.example.com/',
      DOSSIER_BACKUP_DIR: folder,
      DOSSIER_TIME_ZONE: 'Asia/Shanghai',
    });
    expect(verdicts(report)).toEqual([
      ['OK', 'settings'],
      ['OK', 'database'],
      ['OK', 'migrations'],
      ['OK', 'backup'],
      ['OK', 'clock'],
      [expect.stringMatching(/^(OK|WARN)$/), 'disk (backups)'],
      ['OK', 'public URL'],
    ]);
    expect(report).toMatch(
      /^OK\s+database\s+PostgreSQL \d+\.\d+ at 127\.0\.0\.1:\d+\/dossier_test_\w+ as postgres$/m,
    );
    expect(report).toContain('last verified backup 2.0 hours ago (dossier-nightly.backup)');
    expect(report).toContain('in Asia/Shanghai; clock');
    expect(report).toContain('https://dossier.example.com/: session cookie Secure, HSTS on');
    expect(status).toBe(0);
  }, 30_000);

  it('fails an unreachable database and warns of plain http in production, exiting 1', async () => {
    const port = await findFreePort();
    const serverDir = fileURLToPath(new URL('../../..', import.meta.url));
    const child = spawn(process.execPath, ['scripts/run.mjs', 'src/cli/dossier.ts', 'doctor'], {
      cwd: serverDir,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: `postgresql://dossier:secret@127.0.0.1:${port}/dossier`,
        DOSSIER_PUBLIC_URL: 'http://dossier.intranet/',
        DOSSIER_BACKUP_DIR: folder,
      },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect(verdicts(stdout)).toEqual([
      ['OK', 'settings'],
      ['FAIL', 'database'],
      [expect.stringMatching(/^(OK|WARN)$/), 'disk (backups)'],
      ['WARN', 'public URL'],
    ]);
    expect(stdout).toContain(
      `FAIL    database        The database at 127.0.0.1:${port}/dossier cannot be reached (ECONNREFUSED)\n` +
        '                        → start PostgreSQL there, or correct the host and port in DATABASE_URL.',
    );
    expect(stdout).toContain(
      'http://dossier.intranet/ is plain http: the session cookie travels without Secure',
    );
    expect(stdout).toMatch(/1 FAIL, 1 WARN: fix the FAIL lines before starting\.\n$/);
    expect(status).toBe(1);
  }, 60_000);

  it('reports invalid settings as its finding instead of stopping', async () => {
    const { report, status } = await doctor({ PORT: 'eighty', DOSSIER_TRUST_PROXY: 'the proxy' });
    expect(report.split('\n')[1]).toBe(
      'FAIL    settings  PORT: Invalid input: expected number, received NaN; DOSSIER_TRUST_PROXY: must be a number of proxies (e.g. 1) or addresses / CIDRs, comma-separated (e.g. 10.0.0.5,10.1.0.0/16)',
    );
    expect(status).toBe(1);
  });
});
