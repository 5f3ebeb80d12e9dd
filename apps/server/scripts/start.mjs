#!/usr/bin/env node
// `pnpm start`: compiles the shared domain package and the server when their sources are newer than the
// build, then runs the compiled server in this process's place.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const stale = here('../../../scripts/build-if-stale.mjs');
const tsc = here('../node_modules/typescript/bin/tsc');

function step(args) {
  const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

const domain = here('../../../packages/domain/');
step([
  stale,
  `${domain}dist/index.js`,
  `${domain}src`,
  `${domain}tsconfig.json`,
  '--',
  process.execPath,
  tsc,
  '-p',
  `${domain}tsconfig.build.json`,
]);
const server = here('../');
step([
  stale,
  `${server}dist/main.js`,
  `${server}src`,
  `${server}tsconfig.json`,
  `${domain}src`,
  '--',
  process.execPath,
  tsc,
  '-p',
  `${server}tsconfig.build.json`,
]);

const child = spawn(process.execPath, ['--enable-source-maps', `${server}dist/main.js`], {
  stdio: 'inherit',
});
// The server shuts down gracefully (HTTP, ORM, embedded PostgreSQL); this wrapper only passes signals on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
