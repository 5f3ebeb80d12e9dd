import { StaffRole } from '@dossier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/core/env.js';
import { createLogger } from '../src/core/logger.js';
import { hashPassword } from '../src/modules/auth/passwords.js';
import type { Staff } from '../src/modules/staff/staff.entity.js';
import { type RunningDossier, startDossier } from '../src/server.js';
import { builders } from './builders.js';
import { testDatabase } from './harness.js';
import { httpGraphQL } from './http-graphql.js';

// The test helpers are a gate too: an internal error no test asked for must fail the test that met it.
const db = await testDatabase();
let analyst: Staff;
let dossier: RunningDossier;

beforeAll(async () => {
  const passwordHash = await hashPassword('read-all-day');
  analyst = await builders(db.orm).staff({ email: 'analyst@example.com', passwordHash }, StaffRole.ANALYST);
  const env = loadEnv({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: db.url, DOSSIER_SEED: 'none' });
  dossier = await startDossier(env, createLogger(env));
});

afterAll(() => dossier.stop());

/** A real fault, not a mock: the table the customer list reads is gone while `work` runs. */
async function withoutCustomerTable(work: () => Promise<void>): Promise<void> {
  const connection = db.orm.em.getConnection();
  await connection.execute('alter table customer rename to customer_gone');
  try {
    await work();
  } finally {
    await connection.execute('alter table customer_gone rename to customer');
  }
}

const LIST = '{ customers(first: 1) { totalCount } }';

describe('a server fault the test did not expect', () => {
  it('fails an in-process operation, saying what the server logged', async () => {
    await withoutCustomerTable(async () => {
      await expect(db.execute(LIST, {}, { viewer: analyst })).rejects.toThrow(
        /Unexpected INTERNAL_SERVER_ERROR at customers;[\s\S]*The server logged:[\s\S]*customer/,
      );
    });
  });

  it('is returned to a test that says it expects one', async () => {
    await withoutCustomerTable(async () => {
      const result = await db.execute(LIST, {}, { viewer: analyst, expectInternalError: true });
      expect(result.errors).toEqual([
        {
          message: 'Internal server error',
          path: ['customers'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
    });
  });

  it('fails an operation over HTTP whose 200 answer carries one', async () => {
    const graphql = httpGraphQL(`http://127.0.0.1:${dossier.port}`);
    const login = await graphql<{ login: { token: string } }>(
      'mutation { login(email: "analyst@example.com", password: "read-all-day") { token } }',
    );
    const headers = { authorization: `Bearer ${login.body.data?.login.token}` };
    await withoutCustomerTable(async () => {
      await expect(graphql(LIST, {}, { headers })).rejects.toThrow(
        /Unexpected INTERNAL_SERVER_ERROR at customers/,
      );
      const expected = await graphql(LIST, {}, { headers, expectInternalError: true });
      expect(expected.response.status).toBe(200);
      expect(expected.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    });
  });
});
