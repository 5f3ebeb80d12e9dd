import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StaffRole } from '@dossier/domain';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { httpGraphQL } from '../../../test/http-graphql.js';
import { hashPassword } from '../../modules/auth/passwords.js';
import { ormConfig } from '../database/orm.js';
import { loadEnv } from '../env.js';
import { buildDossierSchema } from '../graphql/schema.js';
import { createLogger } from '../logger.js';
import { createApp } from './app.js';

// The headers and cookies an intranet server sends, directly and behind a TLS proxy (issue 16).
const db = await testDatabase();
const PASSWORD = 'a quiet harbour at dawn';
const EMAIL = 'it.admin@example.com';
const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const stops: Array<() => Promise<unknown>> = [];

/** A built web app of two files, so that `/` and an asset are served as in production. */
const webDist = mkdtempSync(path.join(tmpdir(), 'dossier-web-'));
mkdirSync(path.join(webDist, 'assets'));
writeFileSync(
  path.join(webDist, 'index.html'),
  '<!doctype html><script type="module" src="/assets/app.js"></script>',
);
writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log("dossier")');

/** A server on the test database with these settings; its base URL. */
async function serverWith(settings: Record<string, string>): Promise<string> {
  const env = loadEnv({ NODE_ENV: 'test', DOSSIER_WEB_DIST: webDist, ...settings });
  const orm = await MikroORM.init(ormConfig(db.url));
  const { app, stop } = await createApp(orm, await buildDossierSchema(), env, createLogger(env), db.clock);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stops.push(async () => {
    await stop();
    await new Promise((resolve) => server.close(resolve));
    await orm.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  await builders(db.orm).staff({ email: EMAIL, passwordHash: await hashPassword(PASSWORD) }, StaffRole.ADMIN);
});
afterAll(async () => {
  for (const stop of stops) await stop();
});

const CSP =
  "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;" +
  "font-src 'self' data:;connect-src 'self';worker-src 'self';object-src 'none';base-uri 'self';" +
  "form-action 'self';frame-ancestors 'none'";

describe('security headers', () => {
  let plain: string;
  beforeAll(async () => {
    plain = await serverWith({});
  });

  it.each([
    ['the app shell', '/', 'GET'],
    ['an asset', '/assets/app.js', 'GET'],
    ['the API', '/graphql', 'POST'],
  ])(
    '%s carries the CSP, no framing, nosniff and a same-origin referrer, and no HSTS over http',
    async (_, url, method) => {
      const response = await fetch(`${plain}${url}`, {
        method,
        headers: {
          'content-type': 'application/json',
          accept: method === 'POST' ? 'application/json' : 'text/html',
        },
        body: method === 'POST' ? JSON.stringify({ query: '{ __typename }' }) : undefined,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('x-powered-by')).toBeNull();
    },
  );

  it('sends HSTS (and upgrades requests) when the public URL is https, and when a trusted proxy says https', async () => {
    const behindTls = await serverWith({ DOSSIER_PUBLIC_URL: 'https://dossier.example.com/' });
    const shell = await fetch(`${behindTls}/`, { headers: { accept: 'text/html' } });
    expect(shell.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(shell.headers.get('content-security-policy')).toBe(`${CSP};upgrade-insecure-requests`);

    // No public URL: the loopback proxy's X-Forwarded-Proto decides, per request.
    const forwarded = await fetch(`${plain}/`, {
      headers: { accept: 'text/html', 'x-forwarded-proto': 'https' },
    });
    expect(forwarded.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});

describe('behind a proxy', () => {
  const login = async (base: string, headers: Record<string, string> = {}) => {
    const { response, body } = await httpGraphQL(base)(LOGIN, { e: EMAIL, p: PASSWORD }, { headers });
    expect(body.errors).toBeUndefined();
    return response.headers.get('set-cookie') ?? '';
  };

  it('makes the session cookie Secure when the public URL is https, though the proxy speaks http to us', async () => {
    const base = await serverWith({
      DOSSIER_PUBLIC_URL: 'https://dossier.example.com/',
      DOSSIER_TRUST_PROXY: '1',
    });
    const cookie = await login(base);
    expect(cookie).toMatch(/^dossier_session=[\w-]+; Path=\/; Expires=.+; HttpOnly; Secure; SameSite=Lax$/);
  });

  it('sends the cookie without Secure on a plain-http intranet server with no public URL', async () => {
    const cookie = await login(await serverWith({}));
    expect(cookie).toMatch(/; HttpOnly; SameSite=Lax$/);
  });

  it('takes the client address from X-Forwarded-For only from a trusted proxy, for rate limits and the audit log', async () => {
    const limited = { DOSSIER_RATE_LIMIT: '3', DOSSIER_RATE_LIMIT_WINDOW_SECONDS: '600' };
    // The other tests' requests from 127.0.0.1 were counted in the same table: a fresh window for it.
    await db.orm.em
      .fork()
      .getConnection()
      .execute(`delete from rate_limit where key = 'graphql:address:127.0.0.1'`);
    // The proxy is 10.0.0.5; this test's requests come from 127.0.0.1, which is not it.
    const untrusted = httpGraphQL(await serverWith({ ...limited, DOSSIER_TRUST_PROXY: '10.0.0.5' }));
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i += 1) {
      const { response } = await untrusted(
        '{ __typename }',
        {},
        { headers: { 'x-forwarded-for': `198.51.100.${i}` } },
      );
      statuses.push(response.status);
    }
    // Four made-up addresses, one real one: the fourth request is over the limit of 3.
    expect(statuses).toEqual([200, 200, 200, 429]);

    // Behind one trusted hop, the proxy's header names the client: each address has its own window.
    const trusted = httpGraphQL(await serverWith({ ...limited, DOSSIER_TRUST_PROXY: '1' }));
    const trustedStatuses: number[] = [];
    for (let i = 1; i <= 4; i += 1) {
      const { response } = await trusted(
        '{ __typename }',
        {},
        { headers: { 'x-forwarded-for': `203.0.113.${i}` } },
      );
      trustedStatuses.push(response.status);
    }
    expect(trustedStatuses).toEqual([200, 200, 200, 200]);

    const spoofed = await serverWith({ DOSSIER_TRUST_PROXY: '10.0.0.5' });
    await login(spoofed, { 'x-forwarded-for': '198.51.100.77' });
    await login(await serverWith({ DOSSIER_TRUST_PROXY: '1' }), { 'x-forwarded-for': '203.0.113.77' });
    const addresses = await db.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ address: string }>>(
        `select address from audit_log where event = 'LOGIN_SUCCEEDED' and email = ? order by at, id`,
        [EMAIL],
      );
    expect(addresses.slice(-2).map((row) => row.address)).toEqual(['127.0.0.1', '203.0.113.77']);
  });
});
