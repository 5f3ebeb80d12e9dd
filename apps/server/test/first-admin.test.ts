import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadEnv } from '../src/core/env.js';
import { createLogger } from '../src/core/logger.js';
import { type RunningDossier, startDossier } from '../src/server.js';
import { testDatabase } from './harness.js';
import { httpGraphQL } from './http-graphql.js';

// Acceptance 6 of issue 10: the README's "First start in production" steps, run as written.
const db = await testDatabase();
let dossier: RunningDossier;
let base: string;
const PASSWORD = 'Frühling in Hangzhou 2026';

/** `pnpm dossier staff:create …` as the README has it (pnpm only adds the script's path), password piped. */
function staffCreate(args: string[], stdin: string) {
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn(process.execPath, ['scripts/run.mjs', 'src/cli/dossier.ts', 'staff:create', ...args], {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
  });
  child.stdin.end(stdin);
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise<{ status: number | null; output: string }>((resolve) =>
    child.on('close', (status) => resolve({ status, output })),
  );
}

beforeAll(async () => {
  const env = loadEnv({ NODE_ENV: 'production', PORT: '0', DATABASE_URL: db.url });
  dossier = await startDossier(env, createLogger({ ...env, LOG_LEVEL: 'silent' }));
  base = `http://127.0.0.1:${dossier.port}`;
});

afterAll(() => dossier.stop());

const LOGIN =
  'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token staff { name role } } }';

it('creates the first admin from the command line on an empty production database, who then signs in', async () => {
  const [before] = await db.orm.em
    .fork()
    .execute<Array<{ n: number }>>('select count(*)::int as n from staff');
  expect(before?.n).toBe(0);

  const created = await staffCreate(['--email', 'Chen.Jing@example.com', '--name', '陈静'], `${PASSWORD}\n`);
  expect(created.output).toContain('created ADMIN 陈静 <Chen.Jing@example.com>');
  expect(created.output).not.toContain(PASSWORD);
  expect(created.status).toBe(0);

  const graphql = httpGraphQL(base);
  const { body } = await graphql<{ login: { staff: { name: string; role: string } } }>(LOGIN, {
    e: 'chen.jing@example.com',
    p: PASSWORD,
  });
  expect(body.errors).toBeUndefined();
  expect(body.data?.login.staff).toEqual({ name: '陈静', role: 'ADMIN' });
}, 60_000);

it('refuses a weak password and creates no one', async () => {
  const created = await staffCreate(['--email', 'weak@example.com', '--name', 'Weak'], 'short\n');
  expect(created.status).toBe(2);
  expect(created.output).toContain('input.password must be at least 12 characters');
  const rows = await db.orm.em.fork().execute('select 1 from staff where email = ?', ['weak@example.com']);
  expect(rows).toEqual([]);
}, 60_000);
