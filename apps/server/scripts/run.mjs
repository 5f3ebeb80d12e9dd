#!/usr/bin/env node
// Runs a TypeScript entry point of the server from source. swc (unlike tsx/esbuild) emits the decorator
// metadata type-graphql and MikroORM read; `development` resolves workspace packages to their sources.
import { spawnSync } from 'node:child_process';

const [entry, ...args] = process.argv.slice(2);
const run = spawnSync(
  process.execPath,
  ['--conditions=development', '--import', '@swc-node/register/esm-register', entry, ...args],
  {
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? 'tsconfig.json' },
  },
);
process.exit(run.status ?? 1);
