import { CustomerNature, StaffRole } from '@dossier/domain';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormConfig } from '../../src/core/database/orm.js';
import { loadEnv } from '../../src/core/env.js';
import { createLogger } from '../../src/core/logger.js';
import { hashPassword } from '../../src/modules/auth/passwords.js';
import { type RunningDossier, startDossier } from '../../src/server.js';
import { builders } from '../builders.js';
import { httpGraphQL } from '../http-graphql.js';
import { type ReplicaPair, startReplicaPair } from './replica-pair.js';

// Issue 11, "past one machine": a server with DATABASE_REPLICA_URLS reads analytics and the customer list
// from a streaming replica; writes and what a request reads after them stay on the primary.
const log = createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'production' });
const PASSWORD = 'replicas read, the primary writes';
let pair: ReplicaPair;
let orm: MikroORM;
let dossier: RunningDossier;
let graphql: ReturnType<typeof httpGraphQL>;
let bearer: Record<string, string>;

async function query<T>(url: string, statement: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(statement, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Calls since the last reset of the statements whose normalised text matches `pattern`, on one server. */
async function callsMatching(url: string, pattern: RegExp): Promise<number> {
  const rows = await query<{ query: string; calls: string }>(
    url,
    'select query, calls from pg_stat_statements',
  );
  return rows.filter((row) => pattern.test(row.query)).reduce((sum, row) => sum + Number(row.calls), 0);
}

const resetStatements = () =>
  Promise.all(
    [pair.primaryUrl, pair.replicaUrl].map((url) => query(url, 'select pg_stat_statements_reset()')),
  );

async function untilReplayed(check: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the replica did not replay the write within 15 s');
}

beforeAll(async () => {
  pair = await startReplicaPair(log);
  orm = await MikroORM.init(ormConfig(pair.primaryUrl));
  await builders(orm).staff(
    { email: 'analyst@example.com', passwordHash: await hashPassword(PASSWORD) },
    StaffRole.ADMIN,
  );
  const env = loadEnv({
    NODE_ENV: 'production',
    PORT: '0',
    DATABASE_URL: pair.primaryUrl,
    DATABASE_REPLICA_URLS: pair.replicaUrl,
    DOSSIER_SEED: 'none',
    // An API instance: a scheduled job's pass (last month's report, read in its write transaction on the
    // primary) would run beside the reads counted below, whenever it happens to.
    DOSSIER_JOBS: 'off',
  });
  dossier = await startDossier(env, createLogger({ ...env, LOG_LEVEL: 'silent' }));
  graphql = httpGraphQL(`http://127.0.0.1:${dossier.port}`);
  const { body } = await graphql<{ login: { token: string } }>(
    'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: 'analyst@example.com', p: PASSWORD },
  );
  bearer = { authorization: `Bearer ${body.data?.login.token}` };
  // The schedule's first refresh at start writes on the primary; the reads below start after it.
  await untilReplayed(async () => (await query(pair.replicaUrl, 'select 1 from risk_refresh')).length > 0);
}, 180_000);

afterAll(async () => {
  await dossier?.stop();
  await orm?.close();
  await pair?.stop();
});

describe('a server with a read replica', () => {
  it('is connected to a replica that is in recovery, streaming from the primary', async () => {
    const [replica] = await query<{ recovering: boolean }>(
      pair.replicaUrl,
      'select pg_is_in_recovery() as recovering',
    );
    expect(replica?.recovering).toBe(true);
    const senders = await query<{ state: string }>(pair.primaryUrl, 'select state from pg_stat_replication');
    expect(senders.map((s) => s.state)).toEqual(['streaming']);
  });

  // How each read shows in pg_stat_statements (constants normalised away); the kinds the issue routes.
  const READS = {
    'customer list': /sort_value/,
    'ABC classification': /as enable_hashagg/,
    composition: /order_(day_)?revenue/,
    'risk list': /order by "r"\."score" desc/,
    'risk summary': /as key, count\(\*\)::int as customers/,
  };

  it('reads the customer list and every analytics query on the replica, none on the primary', async () => {
    await resetStatements();
    const { body } = await graphql(
      `{
        customers(first: 20) { totalCount nodes { name } }
        abcClassification { classes { class customers } }
        salesComposition(by: REGION) { key revenue }
        riskCustomers(first: 5) { totalCount nodes { name } }
        riskSummary(groupBy: LEVEL) { level customers }
      }`,
      {},
      { headers: bearer },
    );
    expect(body.errors).toBeUndefined();
    for (const [read, pattern] of Object.entries(READS)) {
      expect(await callsMatching(pair.replicaUrl, pattern), `${read} on the replica`).toBeGreaterThan(0);
      expect(await callsMatching(pair.primaryUrl, pattern), `${read} on the primary`).toBe(0);
    }
  });

  it("writes on the primary and answers a mutation's reads from it; the list shows the write once replayed", async () => {
    // With replay paused the replica lags for as long as the test wants: a read it served would miss the write.
    await query(pair.replicaUrl, 'select pg_wal_replay_pause()');
    try {
      const name = `读写分离客户 ${Date.now()}`;
      const created = await graphql<{ createCustomer: { id: string; name: string } }>(
        'mutation ($i: CreateCustomerInput!) { createCustomer(input: $i) { id name } }',
        { i: { name, nature: CustomerNature.COMPANY } },
        { headers: bearer },
      );
      expect(created.body.errors).toBeUndefined();
      const id = created.body.data?.createCustomer.id as string;
      expect(created.body.data?.createCustomer.name).toBe(name);

      const read = await graphql<{ customer: { name: string } | null }>(
        'query ($id: ID!) { customer(id: $id) { name } }',
        { id },
        { headers: bearer },
      );
      expect(read.body.data?.customer?.name).toBe(name);
      const onReplica = await query(pair.replicaUrl, 'select 1 from customer where name = $1', [name]);
      expect(onReplica).toEqual([]);

      const listed = async () => {
        const { body } = await graphql<{ customers: { nodes: Array<{ name: string }> } }>(
          '{ customers(first: 100) { nodes { name } } }',
          {},
          { headers: bearer },
        );
        return body.data?.customers.nodes.some((node) => node.name === name) ?? false;
      };
      expect(await listed()).toBe(false);
      await query(pair.replicaUrl, 'select pg_wal_replay_resume()');
      await untilReplayed(listed);
    } finally {
      await query(pair.replicaUrl, 'select pg_wal_replay_resume()');
    }
  });
});
