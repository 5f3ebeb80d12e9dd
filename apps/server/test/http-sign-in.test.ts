import { createHash } from 'node:crypto';
import { LOGIN_LIMITS, StaffRole } from '@dossier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/core/env.js';
import { createLogger } from '../src/core/logger.js';
import { hashPassword } from '../src/modules/auth/passwords.js';
import type { Staff } from '../src/modules/staff/staff.entity.js';
import { type RunningDossier, startDossier } from '../src/server.js';
import { builders } from './builders.js';
import { testDatabase } from './harness.js';
import { httpGraphQL } from './http-graphql.js';

// Sign-in as clients see it: sessions (cookie and bearer), personal API tokens, lockouts, deactivation.
const db = await testDatabase();
const build = builders(db.orm);
let dossier: RunningDossier;
let graphql: ReturnType<typeof httpGraphQL>;
const PASSWORD = 'a quiet harbour at dawn';
let admin: Staff;

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  admin = await build.staff({ email: 'admin@example.com', passwordHash }, StaffRole.ADMIN);
  const env = loadEnv({ NODE_ENV: 'production', PORT: '0', DATABASE_URL: db.url, DOSSIER_SEED: 'none' });
  dossier = await startDossier(env, createLogger({ ...env, LOG_LEVEL: 'silent' }));
  graphql = httpGraphQL(`http://127.0.0.1:${dossier.port}`);
});

afterAll(() => dossier.stop());

const sql = <T>(query: string, params: unknown[] = []) => db.orm.em.fork().execute<T[]>(query, params);
const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const ME = '{ me { email } }';
/** The client address: the server trusts X-Forwarded-For from its loopback proxy, as behind nginx. */
const from = (address: string) => ({ 'x-forwarded-for': address });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function signIn(email: string, password = PASSWORD, address = '10.0.0.1') {
  const { body } = await graphql<{ login: { token: string } }>(
    LOGIN,
    { e: email, p: password },
    { headers: from(address) },
  );
  return body;
}

async function analyst() {
  const email = `analyst-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const staff = await build.staff({ email, passwordHash: await hashPassword(PASSWORD) }, StaffRole.ANALYST);
  const session = (await signIn(email)).data?.login.token as string;
  return { staff, email, session };
}

async function createToken(session: string, name = 'Power BI') {
  const expiresAt = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
  const { body } = await graphql<{
    createApiToken: { token: string; apiToken: { id: string; version: number } };
  }>(
    'mutation ($n: String!, $x: DateTimeISO!) { createApiToken(name: $n, expiresAt: $x) { token apiToken { id version } } }',
    { n: name, x: expiresAt },
    { headers: bearer(session) },
  );
  expect(body.errors).toBeUndefined();
  return body.data?.createApiToken as { token: string; apiToken: { id: string; version: number } };
}

describe('sign-in limits', () => {
  it(`locks an e-mail after ${LOGIN_LIMITS.perAccount} failures, even for the right password, and says until when`, async () => {
    const email = 'locked.rep@example.com';
    await build.staff({ email, passwordHash: await hashPassword(PASSWORD) });
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect((await signIn(email, 'wrong password!', `10.1.0.${i}`)).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    }
    const locked = await signIn(email, PASSWORD, '10.1.1.1');
    expect(locked.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    const retry = locked.errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(LOGIN_LIMITS.windowMinutes * 60 - 30);
    expect(retry).toBeLessThanOrEqual(LOGIN_LIMITS.windowMinutes * 60);

    // The window passes (the failures age by its length): the right password works again.
    await sql(
      `update login_failure set at = at - interval '${LOGIN_LIMITS.windowMinutes} minutes' where email = ?`,
      [email],
    );
    expect((await signIn(email)).errors).toBeUndefined();
  });

  it('locks an unknown e-mail the same way, so a lock tells nothing about who works here', async () => {
    const answers = [];
    for (let i = 0; i <= LOGIN_LIMITS.perAccount; i++)
      answers.push(await signIn('nobody@example.com', 'guess guess guess', `10.2.0.${i}`));
    expect(answers.map((a) => a.errors?.[0]?.extensions?.code)).toEqual([
      ...Array(LOGIN_LIMITS.perAccount).fill('UNAUTHENTICATED'),
      'TOO_MANY_ATTEMPTS',
    ]);
  });

  it(`locks a client address after ${LOGIN_LIMITS.perAddress} failures on any e-mails, not other addresses`, async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      await signIn(`spray-${i}@example.com`, 'guess guess guess', '10.3.3.3');
    }
    expect((await signIn('admin@example.com', PASSWORD, '10.3.3.3')).errors?.[0]?.extensions?.code).toBe(
      'TOO_MANY_ATTEMPTS',
    );
    expect((await signIn('admin@example.com', PASSWORD, '10.3.3.4')).errors).toBeUndefined();
  });

  it('records successes, failures and locks in the audit log, with e-mail and address', async () => {
    const rows = await sql<{ event: string; n: number }>(
      `select event, count(*)::int as n from audit_log where address = '10.3.3.3' group by event order by event`,
    );
    expect(rows).toEqual([
      { event: 'LOGIN_FAILED', n: LOGIN_LIMITS.perAddress },
      { event: 'LOGIN_LOCKED', n: 1 },
    ]);
    const success = await sql('select actor_id, email from audit_log where event = ? and address = ?', [
      'LOGIN_SUCCEEDED',
      '10.3.3.4',
    ]);
    expect(success).toEqual([{ actor_id: admin.id, email: 'admin@example.com' }]);
  });
});

describe('personal API tokens', () => {
  it('stores only the hash: the secret is nowhere in the database', async () => {
    const { session } = await analyst();
    const { token } = await createToken(session);
    expect(token).toMatch(/^dpat_[\w-]{43}$/);
    const [stored] = await sql<{ hash: Buffer }>(
      'select token_hash as hash from api_token order by created_at desc limit 1',
    );
    expect(stored?.hash.equals(createHash('sha256').update(token).digest())).toBe(true);
    const tables = await sql<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = 'public'`,
    );
    const hits = [];
    for (const { name } of tables) {
      const [row] = await sql<{ n: number }>(
        `select count(*)::int as n from "${name}" t where t::text like ?`,
        [`%${token.slice(5)}%`],
      );
      if (row?.n) hits.push(name);
    }
    expect(hits).toEqual([]);
  });

  it('reads with a bearer token, refuses every mutation with FORBIDDEN, and stamps its use at most once a minute', async () => {
    const { email, staff, session } = await analyst();
    const { token, apiToken } = await createToken(session);
    const me = await graphql(ME, {}, { headers: bearer(token) });
    expect(me.body).toEqual({ data: { me: { email } } });
    await graphql(ME, {}, { headers: bearer(token) });

    for (const mutation of [
      'mutation { logout }',
      `mutation { revokeApiToken(id: "${apiToken.id}", expectedVersion: 1) { id } }`,
      'mutation { createApiToken(name: "another", expiresAt: "2099-01-01T00:00:00Z") { token } }',
    ]) {
      const { body } = await graphql(mutation, {}, { headers: bearer(token) });
      expect([mutation, body.errors?.map((e) => e.extensions?.code), body.data ?? null]).toEqual([
        mutation,
        ['FORBIDDEN'],
        null,
      ]);
    }
    const [row] = await sql<{ last: string | null; revoked: string | null }>(
      'select last_used_at as last, revoked_at as revoked from api_token where staff_id = ?',
      [staff.id],
    );
    expect(row?.revoked).toBeNull();
    expect(Date.now() - Date.parse(row?.last ?? '')).toBeLessThan(60_000);
    const used = await sql<{ n: number }>(
      'select count(*)::int as n from audit_log where event = ? and actor_id = ?',
      ['TOKEN_USED', staff.id],
    );
    expect(used).toEqual([{ n: 1 }]);
  });

  it('stops working once revoked or expired', async () => {
    const { session } = await analyst();
    const revoked = await createToken(session, 'revoked');
    const expired = await createToken(session, 'expired');
    const revoke = await graphql(
      'mutation ($id: ID!) { revokeApiToken(id: $id, expectedVersion: 1) { revokedAt version } }',
      { id: revoked.apiToken.id },
      { headers: bearer(session) },
    );
    expect(revoke.body.errors).toBeUndefined();
    await sql(`update api_token set expires_at = now() - interval '1 second' where name = 'expired'`);
    for (const token of [revoked.token, expired.token]) {
      const { body } = await graphql(ME, {}, { headers: bearer(token) });
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('is not for a sales rep', async () => {
    const email = 'token.rep@example.com';
    await build.staff({ email, passwordHash: await hashPassword(PASSWORD) });
    const session = (await signIn(email)).data?.login.token as string;
    const { body } = await graphql(
      'mutation { createApiToken(name: "x", expiresAt: "2099-01-01T00:00:00Z") { token } }',
      {},
      {
        headers: bearer(session),
      },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('deactivation', () => {
  it("ends the staff member's sessions (bearer and cookie) and revokes their API tokens", async () => {
    const { staff, session } = await analyst();
    const { token } = await createToken(session);
    const adminSession = (await signIn('admin@example.com', PASSWORD, '10.9.9.9')).data?.login
      .token as string;
    const { body } = await graphql(
      'mutation ($id: ID!) { deactivateStaff(id: $id, expectedVersion: 1) { active } }',
      { id: staff.globalId },
      { headers: bearer(adminSession) },
    );
    expect(body).toEqual({ data: { deactivateStaff: { active: false } } });
    for (const headers of [bearer(session), { cookie: `dossier_session=${session}` }, bearer(token)]) {
      const me = await graphql(ME, {}, { headers });
      expect(me.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
    expect(await sql('select count(*)::int as n from auth_session where staff_id = ?', [staff.id])).toEqual([
      { n: 0 },
    ]);
    const tokens = await sql<{ revoked: boolean }>(
      'select revoked_at is not null as revoked from api_token where staff_id = ?',
      [staff.id],
    );
    expect(tokens).toEqual([{ revoked: true }]);
    // And they cannot sign in again.
    expect((await signIn(staff.email)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
