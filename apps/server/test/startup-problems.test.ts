import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/core/database/database-url.js';
import { findFreePort } from '../src/core/database/free-port.js';
import { describeDatabase } from '../src/core/startup/database-checks.js';

// Issue 16: each start that cannot succeed says why in one sentence on stderr, exits 1 and writes nothing.
const serverDir = fileURLToPath(new URL('..', import.meta.url));
const adminUrl = inject('adminUrl');
const databases: string[] = [];
let scratch: string;

/** `npm start`'s server process (src/main.ts from source), with only these settings. */
function start(settings: Record<string, string>) {
  const { DATABASE_URL, DOSSIER_DATA_DIR, PORT, HOST, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    ['--conditions=development', '--import', '@swc-node/register/esm-register', 'src/main.ts'],
    {
      cwd: serverDir,
      env: { ...inherited, NODE_ENV: 'development', DOSSIER_SEED: 'demo', LOG_LEVEL: 'warn', ...settings },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (status) => resolve({ status, stdout, stderr })),
  );
}

/** An empty database of its own on the test server. */
async function emptyDatabase(): Promise<string> {
  const name = `dossier_startup_${randomBytes(5).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  databases.push(name);
  return withDatabase(adminUrl, name);
}

/** Tables in the database's public schema: none means nothing was migrated, seeded or written. */
async function tablesIn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_tables where schemaname = 'public'`,
    );
    return rows[0]?.n ?? -1;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'dossier-startup-'));
});
afterAll(async () => {
  for (const name of databases) await dropDatabase(adminUrl, name);
  await rm(scratch, { recursive: true, force: true });
});

const SPAWN_TIMEOUT = 60_000;

describe('a start that cannot succeed', () => {
  it(
    'names the busy port and how to choose another, before touching the database',
    async () => {
      const url = await emptyDatabase();
      const port = await findFreePort();
      const squatter: Server = createServer();
      await new Promise<void>((resolve) => squatter.listen(port, resolve));
      try {
        const run = await start({ DATABASE_URL: url, PORT: String(port) });
        expect(run.stderr).toBe(
          `Dossier could not start: port ${port} is already in use by another program (perhaps another Dossier): stop it, or choose a free port with PORT=${port + 1}.\n`,
        );
        expect(run.status).toBe(1);
        expect(await tablesIn(url)).toBe(0);
      } finally {
        await new Promise((resolve) => squatter.close(resolve));
      }
    },
    SPAWN_TIMEOUT,
  );

  it(
    'says the database cannot be reached when nothing listens at DATABASE_URL',
    async () => {
      const port = await findFreePort();
      const run = await start({
        DATABASE_URL: `postgresql://dossier:secret@127.0.0.1:${port}/dossier`,
        PORT: '0',
      });
      expect(run.stderr).toBe(
        `Dossier could not start: The database at 127.0.0.1:${port}/dossier cannot be reached (ECONNREFUSED): start PostgreSQL there, or correct the host and port in DATABASE_URL.\n`,
      );
      expect(run.status).toBe(1);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'says the credentials were refused, and writes nothing',
    async () => {
      const url = new URL(await emptyDatabase());
      url.password = 'not-the-password';
      const run = await start({ DATABASE_URL: url.toString(), PORT: '0' });
      expect(run.stderr).toBe(
        `Dossier could not start: The database at ${describeDatabase(url.toString())} refused the credentials of postgres: correct the user name and password in DATABASE_URL.\n`,
      );
      expect(run.status).toBe(1);
      url.password = new URL(adminUrl).password;
      expect(await tablesIn(url.toString())).toBe(0);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'says a read-only user cannot apply the pending migrations, and writes nothing',
    async () => {
      const url = await emptyDatabase();
      const role = `reader_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create role ${role} login password 'reader-password'`);
      await admin.end();
      const asReader = new URL(url);
      asReader.username = role;
      asReader.password = 'reader-password';
      const run = await start({ DATABASE_URL: asReader.toString(), PORT: '0' });
      expect(run.stderr).toBe(
        `Dossier could not start: The database schema has not been created yet and the user ${role} may not change the schema of ${describeDatabase(url)}: run \`pnpm db:migrate\` once with the schema owner's DATABASE_URL, then start again.\n`,
      );
      expect(run.status).toBe(1);
      expect(await tablesIn(url)).toBe(0);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'counts the migrations pending on a migrated database whose user may only read, and applies none',
    async () => {
      // A clone of the migrated template whose newest migration is not recorded as applied.
      const name = `dossier_startup_${randomBytes(5).toString('hex')}`;
      await ensureDatabase(adminUrl, name, inject('templateDatabase'));
      databases.push(name);
      const url = withDatabase(adminUrl, name);
      const role = `reader_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const { rows } = await admin.query<{ name: string }>(
        'delete from mikro_orm_migrations where id = (select max(id) from mikro_orm_migrations) returning name',
      );
      await admin.query(`create role ${role} login password 'reader-password'`);
      await admin.query(`grant select on all tables in schema public to ${role}`);
      await admin.end();
      const asReader = new URL(url);
      asReader.username = role;
      asReader.password = 'reader-password';
      const run = await start({ DATABASE_URL: asReader.toString(), PORT: '0' });
      expect(run.stderr).toBe(
        `Dossier could not start: 1 database migration is pending and the user ${role} may not change the schema of ${describeDatabase(url)}: run \`pnpm db:migrate\` once with the schema owner's DATABASE_URL, then start again.\n`,
      );
      expect(run.status).toBe(1);
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      const applied = await check.query('select 1 from mikro_orm_migrations where name = $1', [
        rows[0]?.name,
      ]);
      await check.end();
      expect(applied.rowCount).toBe(0);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'says a newer Dossier migrated the database, and neither migrates nor seeds it',
    async () => {
      // A clone of the migrated template, as a later release would leave it: one migration more.
      const name = `dossier_startup_${randomBytes(5).toString('hex')}`;
      await ensureDatabase(adminUrl, name, inject('templateDatabase'));
      databases.push(name);
      const url = withDatabase(adminUrl, name);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(
        `insert into mikro_orm_migrations (name, executed_at) values ('Migration29990101000000_next_release', now())`,
      );
      const before = await admin.query('select count(*)::int as n from staff');
      await admin.end();
      const run = await start({ DATABASE_URL: url, PORT: '0' });
      expect(run.stderr).toBe(
        `Dossier could not start: The database at ${describeDatabase(url)} was migrated by a newer Dossier (its migration Migration29990101000000_next_release is unknown to this release): run that release again, or restore the backup taken before the upgrade (docs/production.md).\n`,
      );
      expect(run.status).toBe(1);
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      const after = await check.query('select count(*)::int as n from staff');
      await check.end();
      // The demo company (DOSSIER_SEED=demo) was not created on it.
      expect(after.rows).toEqual(before.rows);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'says the data folder cannot be written before any PostgreSQL is created in it',
    async () => {
      const file = path.join(scratch, 'not-a-folder');
      await writeFile(file, 'a file where the data folder should go');
      const dataDir = path.join(file, 'postgres');
      const run = await start({ DOSSIER_DATA_DIR: dataDir, PORT: '0' });
      expect(run.stderr).toBe(
        `Dossier could not start: The data folder ${dataDir} cannot be written (ENOTDIR): give this user write access to it, or set DOSSIER_DATA_DIR to a writable folder.\n`,
      );
      expect(run.status).toBe(1);
      expect(existsSync(`${dataDir}.initialising`)).toBe(false);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'lists every invalid setting in one sentence',
    async () => {
      const run = await start({ PORT: 'eighty', DOSSIER_PUBLIC_URL: 'dossier.example.com' });
      expect(run.stderr).toBe(
        'Dossier could not start: invalid settings: PORT: Invalid input: expected number, received NaN; DOSSIER_PUBLIC_URL: must be an http:// or https:// URL (see .env.example).\n',
      );
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
    },
    SPAWN_TIMEOUT,
  );
});
