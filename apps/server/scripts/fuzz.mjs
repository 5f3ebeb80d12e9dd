#!/usr/bin/env node
// The long fuzz run: the suite's fuzz test (same generators, same assertions) with more requests, e.g.
// `pnpm fuzz --runs 10000 [--seed 7] [--keep-going]`. It runs in vitest for the embedded PostgreSQL of the
// test set-up; the figures (requests, answers by status and by code, duration) are printed at the end.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    'keep-going': { type: 'boolean', default: false },
  },
});
for (const [name, value] of [
  ['runs', values.runs],
  ['seed', values.seed],
]) {
  if (value !== undefined && !/^\d+$/.test(value)) {
    console.error(`--${name} must be a whole number, got "${value}"`);
    process.exit(2);
  }
}

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const run = spawnSync(
  process.execPath,
  [vitest, 'run', '--project', 'server', 'apps/server/test/fuzz/fuzz.test.ts'],
  {
    cwd: repo,
    stdio: 'inherit',
    env: {
      ...process.env,
      DOSSIER_FUZZ_RUNS: values.runs,
      ...(values.seed ? { DOSSIER_FUZZ_SEED: values.seed } : {}),
      ...(values['keep-going'] ? { DOSSIER_FUZZ_KEEP_GOING: '1' } : {}),
    },
  },
);
process.exit(run.status ?? 1);
