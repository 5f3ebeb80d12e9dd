import { RelationshipState, StaffRole } from '@dossier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/core/env.js';
import { toGlobalId } from '../src/core/graphql/global-id.js';
import { createLogger } from '../src/core/logger.js';
import { hashPassword } from '../src/modules/auth/passwords.js';
import { type RunningDossier, startDossier } from '../src/server.js';
import { builders, tableCounts } from './builders.js';
import { testDatabase } from './harness.js';
import { httpGraphQL } from './http-graphql.js';

const db = await testDatabase();
const build = builders(db.orm);
let dossier: RunningDossier;
let base: string;

beforeAll(async () => {
  await build.staff(
    { email: 'li.lei@example.com', passwordHash: await hashPassword('s3cret-pass') },
    StaffRole.ADMIN,
  );
  const env = loadEnv({ NODE_ENV: 'production', PORT: '0', DATABASE_URL: db.url, DOSSIER_SEED: 'none' });
  dossier = await startDossier(env, createLogger({ ...env, LOG_LEVEL: 'silent' }));
  base = `http://127.0.0.1:${dossier.port}`;
});

afterAll(() => dossier.stop());

/** Every call goes through the shared client: non-JSON answers and internal errors fail the test. */
const graphql = <T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) => httpGraphQL(base)<T>(query, variables, { headers });

const LOGIN =
  'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token staff { name role } } }';

describe('the dossier over HTTP', () => {
  it('signs in with e-mail and password, case-insensitively, and sets an httpOnly session cookie', async () => {
    const { response, body } = await graphql<{ login: { token: string } }>(LOGIN, {
      e: 'Li.Lei@Example.com',
      p: 's3cret-pass',
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.login.token).toMatch(/^[\w-]{43}$/);
    expect(response.headers.get('set-cookie')).toMatch(
      /^dossier_session=[\w-]{43}; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/,
    );
  });

  it('refuses a wrong password with UNAUTHENTICATED and the same message as an unknown e-mail', async () => {
    const wrong = await graphql(LOGIN, { e: 'li.lei@example.com', p: 'guess' });
    const unknown = await graphql(LOGIN, { e: 'nobody@example.com', p: 'guess' });
    expect(wrong.body.errors?.[0]).toMatchObject({
      message: 'Wrong e-mail or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(unknown.body.errors?.[0]?.message).toBe(wrong.body.errors?.[0]?.message);
  });

  it('answers anonymous reads with UNAUTHENTICATED (status 200) and no data', async () => {
    const { response, body } = await graphql('{ me { name } customers(first: 1) { totalCount } }');
    expect(response.status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });

  it('create → read → stale update refused → update with the right version, with bearer token and cookie', async () => {
    const { body: login } = await graphql<{ login: { token: string } }>(LOGIN, {
      e: 'li.lei@example.com',
      p: 's3cret-pass',
    });
    const bearer = { authorization: `Bearer ${login.data?.login.token}` };
    const cookie = { cookie: `dossier_session=${login.data?.login.token}` };

    const created = await graphql<{ createCustomer: { id: string; version: number } }>(
      'mutation { createCustomer(input: { name: "上海远航物流", nature: COMPANY, creditLimit: "80000.00" }) { id version } }',
      {},
      bearer,
    );
    const id = created.body.data?.createCustomer.id;
    expect(created.body.data?.createCustomer.version).toBe(1);

    const read = await graphql<{ customer: unknown }>(
      'query ($id: ID!) { customer(id: $id) { name creditLimit version } }',
      { id },
      cookie,
    );
    expect(read.body.data?.customer).toEqual({ name: '上海远航物流', creditLimit: '80000.00', version: 1 });

    const UPDATE = `mutation ($id: ID!, $v: Int!, $tier: CustomerTier) {
      updateCustomer(id: $id, expectedVersion: $v, input: { tier: $tier }) { tier version }
    }`;
    await graphql(UPDATE, { id, v: 1, tier: 'SPECIAL' }, bearer);
    const before = await tableCounts(db.orm);
    const stale = await graphql(UPDATE, { id, v: 1, tier: 'IMPORTANT' }, bearer);
    expect(stale.body.errors?.[0]?.extensions).toEqual({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect(await tableCounts(db.orm)).toEqual(before);

    const fresh = await graphql<{ updateCustomer: unknown }>(UPDATE, { id, v: 2, tier: 'IMPORTANT' }, bearer);
    expect(fresh.body.data?.updateCustomer).toEqual({ tier: 'IMPORTANT', version: 3 });
  });

  it('lets exactly one of two concurrent relationship changes with the same version win', async () => {
    const { body: login } = await graphql<{ login: { token: string } }>(LOGIN, {
      e: 'li.lei@example.com',
      p: 's3cret-pass',
    });
    const bearer = { authorization: `Bearer ${login.data?.login.token}` };
    const keyPerson = await build.keyPerson(await build.customer());
    const staff = await build.staff();
    const relationship = await build.relationship(keyPerson, staff, RelationshipState.NONE);
    const SET = `mutation ($kp: ID!, $s: ID!, $state: RelationshipState!) {
      setRelationshipState(input: { keyPersonId: $kp, staffId: $s, state: $state, expectedVersion: 1 }) { state version }
    }`;
    const ids = { kp: toGlobalId('KeyPerson', keyPerson.id), s: toGlobalId('Staff', staff.id) };

    const results = await Promise.all(
      ['POSITIVE', 'NEGATIVE'].map((state) =>
        graphql<{ setRelationshipState: unknown }>(SET, { ...ids, state }, bearer),
      ),
    );
    const winners = results.filter((r) => r.body.data?.setRelationshipState);
    const losers = results.filter((r) => r.body.errors);
    expect([winners.length, losers.length]).toEqual([1, 1]);
    expect(losers[0]?.body.errors?.[0]?.extensions).toEqual({ code: 'VERSION_CONFLICT', currentVersion: 2 });

    const [updates] = await db.orm.em
      .fork()
      .execute<Array<{ n: number }>>(
        "select count(*)::int as n from change where entity_id = ? and action = 'UPDATE'",
        [relationship.id],
      );
    expect(updates?.n).toBe(1);
  });

  it('ends the session on logout: the token no longer works', async () => {
    const { body: login } = await graphql<{ login: { token: string } }>(LOGIN, {
      e: 'li.lei@example.com',
      p: 's3cret-pass',
    });
    const bearer = { authorization: `Bearer ${login.data?.login.token}` };
    expect((await graphql('{ me { name } }', {}, bearer)).body.errors).toBeUndefined();
    await graphql('mutation { logout }', {}, bearer);
    expect((await graphql('{ me { name } }', {}, bearer)).body.errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
