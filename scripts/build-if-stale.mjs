#!/usr/bin/env node
// Usage: build-if-stale.mjs <output file> <input path>... -- <command> [args...]
// Runs the build command only when the output is missing or older than any input file, so `pnpm start`
// builds once on a fresh clone and starts at once afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const separator = argv.indexOf('--');
if (separator < 2) {
  console.error('usage: build-if-stale.mjs <output> <input>... -- <command> [args...]');
  process.exit(2);
}
const [output, ...inputs] = argv.slice(0, separator);
const [command, ...args] = argv.slice(separator + 1);

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry)
    .filter((name) => name !== 'node_modules' && name !== 'dist')
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

const built = existsSync(output) ? statSync(output).mtimeMs : 0;
const changed = Math.max(...inputs.map(newestMtime));
if (built >= changed) {
  console.log(`${output} is up to date`);
  process.exit(0);
}
console.log(`building ${output} (${built ? 'sources changed' : 'not built yet'})`);
const run = spawnSync(command, args, { stdio: 'inherit', shell: false });
process.exit(run.status ?? 1);
