import { StaffRole } from '@dossier/domain';
import type { Knex } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/core/env.js';
import { createLogger } from '../src/core/logger.js';
import { hashPassword } from '../src/modules/auth/passwords.js';
import type { Customer } from '../src/modules/customer/customer.entity.js';
import { type RunningDossier, startDossier } from '../src/server.js';
import { builders, tableCounts } from './builders.js';
import { testDatabase } from './harness.js';
import { httpGraphQL } from './http-graphql.js';

// A statement is made slow the way production meets it: another connection holds a lock it has to wait
// for. Waiting for a lock counts against statement_timeout like any other work.
const STATEMENT_TIMEOUT_MS = 300;

const db = await testDatabase();
let dossier: RunningDossier;
let customer: Customer;
let headers: Record<string, string>;
let graphql: ReturnType<typeof httpGraphQL>;

beforeAll(async () => {
  const build = builders(db.orm);
  await build.staff(
    { email: 'admin@example.com', passwordHash: await hashPassword('keeps the keys safe') },
    StaffRole.ADMIN,
  );
  customer = await build.customer({ industry: '物流' });
  const env = loadEnv({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: db.url,
    DOSSIER_SEED: 'none',
    DOSSIER_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
  });
  dossier = await startDossier(env, createLogger({ ...env, LOG_LEVEL: 'silent' }));
  graphql = httpGraphQL(`http://127.0.0.1:${dossier.port}`);
  const login = await graphql<{ login: { token: string } }>(
    'mutation { login(email: "admin@example.com", password: "keeps the keys safe") { token } }',
  );
  headers = { authorization: `Bearer ${login.body.data?.login.token}` };
});

afterAll(() => dossier?.stop());

/** Runs `work` while another connection holds `lock` in an open transaction, then lets go. */
async function whileLocked(lock: (trx: Knex.Transaction) => Promise<unknown>, work: () => Promise<void>) {
  const trx = await db.orm.em.getKnex().transaction();
  try {
    await lock(trx);
    await work();
  } finally {
    await trx.rollback();
  }
}

const UPDATE = `mutation ($id: ID!, $v: Int!) {
  updateCustomer(id: $id, expectedVersion: $v, input: { industry: "仓储" }) { industry version }
}`;

describe('statement_timeout on the server connections', () => {
  it('cancels a write stuck behind a lock: TIMEOUT, not INTERNAL_SERVER_ERROR, and nothing written', async () => {
    const before = await tableCounts(db.orm);
    await whileLocked(
      (trx) => trx.raw('select id from customer where id = ? for update', [customer.id]),
      async () => {
        const started = Date.now();
        const { response, body } = await graphql(
          UPDATE,
          { id: customer.globalId, v: customer.version },
          {
            headers,
          },
        );
        expect(Date.now() - started).toBeLessThan(10 * STATEMENT_TIMEOUT_MS);
        expect(response.status).toBe(200);
        expect(body.data).toBeNull();
        expect(body.errors).toEqual([
          {
            message:
              'The database took longer than a request may (DOSSIER_STATEMENT_TIMEOUT_MS) and was stopped',
            path: ['updateCustomer'],
            extensions: { code: 'TIMEOUT' },
          },
        ]);
      },
    );
    expect(await tableCounts(db.orm)).toEqual(before);
    const [row] = await db.orm.em
      .fork()
      .execute<Array<{ industry: string; version: number }>>(
        'select industry, version from customer where id = ?',
        [customer.id],
      );
    expect(row).toEqual({ industry: '物流', version: customer.version });

    // The lock gone, the same write goes through on the connection the cancelled statement gave back.
    const retried = await graphql(UPDATE, { id: customer.globalId, v: customer.version }, { headers });
    expect(retried.body).toEqual({
      data: { updateCustomer: { industry: '仓储', version: customer.version + 1 } },
    });
  });

  it('cancels a read waiting on a table another session has locked', async () => {
    await whileLocked(
      (trx) => trx.raw('lock table customer in access exclusive mode'),
      async () => {
        const { body } = await graphql('{ customers(first: 1) { totalCount } }', {}, { headers });
        expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['TIMEOUT']);
      },
    );
  });
});
