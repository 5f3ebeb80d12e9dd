import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { serverRoot } from '../../bench/http/servers.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../../src/core/database/database-url.js';

// Issue 12's soak as CI runs it: `pnpm soak 60` on a fresh database, the command's exit code and the
// figures it reports.
const SECONDS = 60;
const adminUrl = inject('adminUrl');
const database = `dossier_soak_${randomBytes(6).toString('hex')}`;
const folder = await mkdtemp(path.join(tmpdir(), 'dossier-soak-'));

afterAll(async () => {
  await dropDatabase(adminUrl, database);
  await rm(folder, { recursive: true, force: true });
});

/** Runs the soak command as `pnpm soak` does; its exit code and everything it printed. */
function soak(url: string, report: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['scripts/run.mjs', 'bench/soak/run.ts', String(SECONDS), '--customers', '2000', '--report', report],
      { cwd: serverRoot, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

interface SoakReport {
  requests: number;
  outcomes: Record<string, number>;
  acknowledgedWrites: number;
  memory: { warmMb: number; endMb: number; growth: number };
  violations: string[];
}

describe(`pnpm soak ${SECONDS}`, () => {
  it('answers every request without an error but VERSION_CONFLICT, loses no write and keeps its memory flat', async () => {
    await ensureDatabase(adminUrl, database, inject('templateDatabase'));
    const file = path.join(folder, 'report.json');
    const { code, output } = await soak(withDatabase(adminUrl, database), file);
    // A soak that could not run writes no report: what it printed says why.
    const report = JSON.parse(await readFile(file, 'utf8').catch(() => expect.fail(output))) as SoakReport;
    expect(report.violations, output).toEqual([]);
    expect(code, output).toBe(0);
    expect(Object.keys(report.outcomes).filter((o) => o !== 'OK' && o !== 'VERSION_CONFLICT')).toEqual([]);
    expect(report.requests).toBeGreaterThan(0);
    expect(report.acknowledgedWrites).toBeGreaterThan(0);
    expect(report.memory.growth).toBeLessThan(0.1);
  }, 900_000);
});
