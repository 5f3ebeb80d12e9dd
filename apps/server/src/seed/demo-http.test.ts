import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/harness.js';
import { httpGraphQL } from '../../test/http-graphql.js';
import { loadEnv } from '../core/env.js';
import { toGlobalId } from '../core/graphql/global-id.js';
import { createLogger } from '../core/logger.js';
import { type RunningDossier, startDossier } from '../server.js';

// A fresh database, as on the first `pnpm start` of a fresh clone.
const db = await testDatabase();
let dossier: RunningDossier;

beforeAll(async () => {
  const env = loadEnv({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: db.url, DOSSIER_SEED: 'demo' });
  dossier = await startDossier(env, createLogger(env));
});

afterAll(() => dossier.stop());

async function graphql<T>(query: string, headers: Record<string, string> = {}, variables = {}) {
  const { body } = await httpGraphQL(`http://127.0.0.1:${dossier.port}`)<T>(query, variables, { headers });
  return body;
}

async function signIn(email: string) {
  const login = await graphql<{ login: { token: string } }>(
    `mutation { login(email: "${email}", password: "dossier-demo") { token } }`,
  );
  return { authorization: `Bearer ${login.data?.login.token}` };
}

const staffOf = async (email: string) => {
  const [row] = await db.orm.em
    .getConnection()
    .execute<Array<{ id: string; customers: number; relationships: number; projects: number }>>(
      `select s.id, (select count(*)::int from customer where owner_id = s.id) as customers,
              (select count(*)::int from relationship where staff_id = s.id) as relationships,
              (select count(*)::int from project where owner_id = s.id) as projects
       from staff s where email = ?`,
      [email],
    );
  if (!row) throw new Error(`no demo staff ${email}`);
  return row;
};

describe('the demo company over HTTP', () => {
  it('signs in with the documented demo login and lists the first 5 customers', async () => {
    const bearer = await signIn('rep@demo.dossier');
    expect(bearer.authorization).toMatch(/^Bearer [\w-]{43}$/);

    const page = await graphql<{ customers: { totalCount: number; nodes: Array<{ code: string }> } }>(
      '{ customers(first: 5, orderBy: { field: CODE, direction: ASC }) { totalCount nodes { code } } }',
      bearer,
    );
    expect(page.errors).toBeUndefined();
    // The rep reads their own book (need-to-know), not the company's 290-odd customers.
    expect(page.data?.customers.nodes).toHaveLength(5);
    expect(page.data?.customers.totalCount).toBeGreaterThan(5);
    expect(page.data?.customers.totalCount).toBeLessThan(290);
  });

  it("lets the manager hand the departed rep's book to rep@demo.dossier in one step", async () => {
    const [departed, rep] = [await staffOf('former.rep@demo.dossier'), await staffOf('rep@demo.dossier')];
    expect(departed.customers).toBeGreaterThan(5);
    const handover = await graphql<{ transferCustomers: Record<string, number> }>(
      `mutation ($from: ID!, $to: ID!) {
        transferCustomers(fromStaffId: $from, toStaffId: $to) { customers relationships projects }
      }`,
      await signIn('manager@demo.dossier'),
      { from: toGlobalId('Staff', departed.id), to: toGlobalId('Staff', rep.id) },
    );
    expect(handover.data?.transferCustomers).toEqual({
      customers: departed.customers,
      relationships: departed.relationships,
      projects: departed.projects,
    });
    expect(await staffOf('former.rep@demo.dossier')).toMatchObject({
      customers: 0,
      relationships: 0,
      projects: 0,
    });
    expect((await staffOf('rep@demo.dossier')).customers).toBe(rep.customers + departed.customers);
  });

  it('asks anonymous callers to sign in first', async () => {
    const page = await graphql<unknown>('{ customers(first: 5) { totalCount } }');
    expect(page.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  });
});
