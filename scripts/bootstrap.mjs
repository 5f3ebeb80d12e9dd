#!/usr/bin/env node
// Lets a machine with only Node and npm run the project: installs the pinned pnpm through corepack
// (or npx when corepack is missing), installs the workspace, then runs the given root script.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const script = process.argv[2];
const root = new URL('..', import.meta.url);
const { packageManager } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

const env = {
  ...process.env,
  // corepack 0.34 may reject pnpm's registry signatures on these machines (see STACK-NOTES).
  COREPACK_INTEGRITY_KEYS: process.env.COREPACK_INTEGRITY_KEYS ?? '0',
  COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
};

function hasCorepack() {
  return spawnSync('corepack', ['--version'], { stdio: 'ignore', env }).status === 0;
}

const [cmd, prefix] = hasCorepack()
  ? ['corepack', ['pnpm']]
  : ['npx', ['--yes', packageManager.split('+')[0]]];

function pnpm(args) {
  const run = spawnSync(cmd, [...prefix, ...args], { stdio: 'inherit', env, cwd: root });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

pnpm(['install', '--frozen-lockfile', '--prefer-offline']);
if (script) pnpm(['run', script]);
