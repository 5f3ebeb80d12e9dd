import { randomBytes } from 'node:crypto';
import { StaffRole } from '@dossier/domain';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningServer, startServer } from '../../bench/http/servers.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../../src/core/database/database-url.js';
import { ormConfig } from '../../src/core/database/orm.js';
import { hashPassword } from '../../src/modules/auth/passwords.js';
import { builders } from '../builders.js';
import { httpGraphQL } from '../http-graphql.js';

// Issue 11, "past one machine": two server processes on one database behave as one server. Sessions, rate
// limits, migrations and the hourly analytics refresh are coordinated in PostgreSQL, not in either process.
const adminUrl = inject('adminUrl');
const database = `dossier_scale_${randomBytes(6).toString('hex')}`;
const url = withDatabase(adminUrl, database);
let orm: MikroORM | undefined;
const PASSWORD = 'two servers, one database';
const LIMIT = 6;
/** The locks of the migrations (migrate.ts) and of the ABC snapshot's refresh (abc.snapshot.ts). */
const MIGRATIONS_LOCK = `hashtext('dossier.migrations')`;
const ABC_LOCK = `hashtext('dossier.abc_snapshot')`;

interface Instance {
  server: RunningServer;
  graphql: ReturnType<typeof httpGraphQL>;
  /** What the process logged: pino's JSON lines. */
  output: string[];
}
const instances: Instance[] = [];
const holder = new pg.Client({ connectionString: url });

async function start(name: string): Promise<Instance> {
  const output: string[] = [];
  const server = await startServer({
    name,
    args: ['scripts/run.mjs', 'src/main.ts'],
    env: {
      DATABASE_URL: url,
      NODE_ENV: 'production',
      DOSSIER_SEED: 'none',
      LOG_LEVEL: 'info',
      DOSSIER_RATE_LIMIT: String(LIMIT),
      DOSSIER_RATE_LIMIT_WINDOW_SECONDS: '3600',
      // The schedules wait below for as long as the slower process takes to start.
      DOSSIER_STATEMENT_TIMEOUT_MS: '120000',
    },
    onOutput: (text) => output.push(text),
  });
  return { server, graphql: httpGraphQL(server.url.replace(/\/graphql$/, '')), output };
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

const count = async (statement: string) =>
  Number((await holder.query<{ n: string }>(statement)).rows[0]?.n ?? 0);

async function signIn(on: Instance, address: string): Promise<string> {
  const { body } = await on.graphql<{ login: { token: string } }>(
    'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: 'manager@example.com', p: PASSWORD },
    { headers: { 'x-forwarded-for': address } },
  );
  expect(body.errors).toBeUndefined();
  return body.data?.login.token as string;
}

const me = (on: Instance, token: string) =>
  on.graphql<{ me: { email: string } | null }>(
    '{ me { email } }',
    {},
    { headers: { authorization: `Bearer ${token}` } },
  );

const waitingForLocks = () =>
  count(
    `select count(*) as n from pg_locks l join pg_database d on d.oid = l.database
     where l.locktype = 'advisory' and not l.granted and d.datname = current_database()`,
  );

beforeAll(async () => {
  // An empty database, as at a first deployment: both instances find every migration pending at once, and
  // then no analytics snapshot, so both schedules are due at the same moment, as at the turn of a period.
  // The test holds both locks until both instances wait for each.
  await ensureDatabase(adminUrl, database);
  await holder.connect();
  await holder.query(`select pg_advisory_lock(${MIGRATIONS_LOCK}), pg_advisory_lock(${ABC_LOCK})`);
  const starting = Promise.all([start('A'), start('B')]);
  starting.catch(() => undefined);
  await until('both instances wait to migrate', async () => (await waitingForLocks()) === 2);
  await holder.query(`select pg_advisory_unlock(${MIGRATIONS_LOCK})`);
  instances.push(...(await starting));
  await until('both schedules wait to refresh', async () => (await waitingForLocks()) === 2);
  await holder.query(`select pg_advisory_unlock(${ABC_LOCK})`);

  orm = await MikroORM.init(ormConfig(url));
  await builders(orm).staff(
    { email: 'manager@example.com', passwordHash: await hashPassword(PASSWORD) },
    StaffRole.SALES_MANAGER,
  );
}, 180_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.server.stop()));
  await holder.end();
  await orm?.close();
  await dropDatabase(adminUrl, database);
});

describe('two server instances on one database', () => {
  it('accept a session opened on the other, and a sign-out on one ends it on both', async () => {
    const [a, b] = instances as [Instance, Instance];
    const token = await signIn(a, '10.20.0.1');
    expect((await me(b, token)).body.data?.me?.email).toBe('manager@example.com');
    const out = await b.graphql('mutation { logout }', {}, { headers: { authorization: `Bearer ${token}` } });
    expect(out.body.errors).toBeUndefined();
    const after = await me(a, token);
    expect(after.body.data?.me ?? null).toBeNull();
    expect(after.body.errors?.[0]?.extensions?.code ?? 'UNAUTHENTICATED').toBe('UNAUTHENTICATED');
  });

  it(`count requests on either against one rate limit (${LIMIT} per window)`, async () => {
    const [a, b] = instances as [Instance, Instance];
    const token = await signIn(b, '10.20.0.2');
    const answers: Array<{ on: string; code: string }> = [];
    for (let i = 0; i < LIMIT + 4; i++) {
      const on = i % 2 === 0 ? a : b;
      const { body } = await me(on, token);
      answers.push({ on: on.server.name, code: String(body.errors?.[0]?.extensions?.code ?? 'OK') });
    }
    expect(answers.filter((x) => x.code === 'OK')).toHaveLength(LIMIT);
    // Each instance let through half of the budget and then refused: neither counted alone.
    expect(answers.slice(LIMIT).map((x) => x.code)).toEqual(Array(4).fill('RATE_LIMITED'));
    expect(new Set(answers.slice(LIMIT).map((x) => x.on)).size).toBe(2);
  });

  it('migrate once and refresh the analytics once between them when both find them due', async () => {
    await until(
      'the risk assessments are refreshed',
      async () => (await count('select count(*) as n from risk_refresh')) > 0,
    );
    // Stopping waits for a refresh in progress: after it, each instance has logged every refresh it made.
    await Promise.all(instances.map((instance) => instance.server.stop()));
    const logged = (message: string) =>
      instances.flatMap((instance) =>
        instance.output
          .join('')
          .split('\n')
          .filter((line) => line.includes(`"msg":"${message}"`)),
      ).length;
    expect(logged('migrations applied')).toBe(1);
    expect(logged('ABC snapshot refreshed')).toBe(1);
    expect(logged('risk assessments refreshed')).toBe(1);
  });
});
