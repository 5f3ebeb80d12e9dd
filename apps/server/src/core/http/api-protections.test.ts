import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StaffRole } from '@dossier/domain';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { httpGraphQL } from '../../../test/http-graphql.js';
import { openSession } from '../../modules/auth/session.store.js';
import { ormConfig } from '../database/orm.js';
import { loadEnv } from '../env.js';
import { buildDossierSchema } from '../graphql/schema.js';
import { createLogger } from '../logger.js';
import { createApp } from './app.js';

const db = await testDatabase();
const RATE_LIMIT = 4;
const env = loadEnv({
  NODE_ENV: 'test',
  DOSSIER_RATE_LIMIT: String(RATE_LIMIT),
  DOSSIER_RATE_LIMIT_WINDOW_SECONDS: '600',
  DOSSIER_MAX_BODY_BYTES: '4096',
});
const stops: Array<() => Promise<unknown>> = [];

/** One more server instance on the test database, with its own ORM and connection pool. */
async function instance(): Promise<string> {
  const orm = await MikroORM.init(ormConfig(db.url));
  const { app, stop } = await createApp(orm, await buildDossierSchema(), env, createLogger(env), db.clock);
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stops.push(async () => {
    await stop();
    await new Promise((resolve) => server.close(resolve));
    await orm.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let bases: [string, string];
/** Signs the admin in with a session of its own, so each test starts with a fresh token window. */
let signIn: () => Promise<Record<string, string>>;

beforeAll(async () => {
  bases = [await instance(), await instance()];
  const admin = await builders(db.orm).staff({}, StaffRole.ADMIN);
  signIn = async () => {
    const { token } = await openSession(db.orm.em.fork(), admin.id);
    return { authorization: `Bearer ${token}` };
  };
});

/** Behind the loopback proxy the app trusts, each test is its own signed-out address. */
const from = (address: string) => ({ 'x-forwarded-for': address });

afterAll(async () => {
  for (const stop of stops) await stop();
});

const TYPENAME = '{ __typename }';

describe('the rate limit', () => {
  it('is shared by every instance on the database: per token, and per address for anonymous callers', async () => {
    const [a, b] = bases.map((base) => httpGraphQL(base)) as [
      ReturnType<typeof httpGraphQL>,
      ReturnType<typeof httpGraphQL>,
    ];
    const address = from('192.0.2.1');
    // Alternating instances, the signed-out address uses up its window; the 5th request is refused.
    const anonymous = [];
    for (let i = 0; i < RATE_LIMIT + 1; i += 1) {
      anonymous.push(await (i % 2 ? b : a)(TYPENAME, {}, { headers: address }));
    }
    expect(anonymous.slice(0, RATE_LIMIT).map(({ response }) => response.status)).toEqual([
      200, 200, 200, 200,
    ]);
    const refused = anonymous[RATE_LIMIT];
    expect(refused?.response.status).toBe(429);
    const retryAfter = Number(refused?.response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(refused?.body).toEqual({
      errors: [
        {
          message: `Too many requests: ${RATE_LIMIT} per 600 s are allowed; try again in ${retryAfter} s`,
          extensions: { code: 'RATE_LIMITED', limit: RATE_LIMIT, retryAfter },
        },
      ],
    });

    // The same address signed in counts against its token, which has a window of its own.
    const headers = { ...address, ...(await signIn()) };
    const signedIn = [];
    for (let i = 0; i < RATE_LIMIT + 1; i += 1)
      signedIn.push(await (i % 2 ? a : b)(TYPENAME, {}, { headers }));
    expect(signedIn.map(({ response }) => response.status)).toEqual([200, 200, 200, 200, 429]);
    expect(signedIn[RATE_LIMIT]?.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('counts made-up tokens against the address: a new one each time buys no fresh limit', async () => {
    const statuses = [];
    for (let i = 0; i < RATE_LIMIT + 1; i += 1) {
      const headers = { ...from('192.0.2.2'), authorization: `Bearer made-up-${i}` };
      statuses.push((await httpGraphQL(bases[i % 2] as string)(TYPENAME, {}, { headers })).response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });
});

describe('limits over HTTP', () => {
  it('refuses an over-cost operation with a 400 naming cost and limit, never a 5xx', async () => {
    const pages = Array.from(
      { length: 30 },
      (_, i) => `c${i}: customers(first: 200) { nodes { id name owner { name } keyPersons { name } } }`,
    );
    const { response, body } = await httpGraphQL(bases[0])(
      `{ ${pages.join(' ')} }`,
      {},
      { headers: await signIn() },
    );
    expect([response.status, body.errors?.[0]?.extensions]).toEqual([
      400,
      { code: 'QUERY_TOO_COMPLEX', cost: 30 * (1 + 200 * 16), limit: env.DOSSIER_MAX_COST },
    ]);
  });

  it('tells every cache not to keep an answer, a GET query’s included', async () => {
    const headers = await signIn();
    const posted = await httpGraphQL(bases[0])(TYPENAME, {}, { headers });
    expect(posted.response.headers.get('cache-control')).toBe('no-store');
    const got = await fetch(`${bases[1]}/graphql?query=${encodeURIComponent(TYPENAME)}`, {
      headers: { ...headers, 'apollo-require-preflight': 'true' },
    });
    expect({ status: got.status, cacheControl: got.headers.get('cache-control') }).toEqual({
      status: 200,
      cacheControl: 'no-store',
    });
  });

  it('refuses introspection to a signed-out caller', async () => {
    const { response, body } = await httpGraphQL(bases[1])(
      '{ __schema { queryType { name } } }',
      {},
      {
        headers: from('192.0.2.3'),
      },
    );
    expect([response.status, body]).toEqual([
      200,
      { errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] },
    ]);
  });

  it('answers a body over DOSSIER_MAX_BODY_BYTES with a JSON 413 naming the limit', async () => {
    const response = await fetch(`${bases[1]}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...from('192.0.2.4') },
      body: JSON.stringify({ query: `{ __typename }${' '.repeat(4096)}` }),
    });
    expect([response.status, await response.json()]).toEqual([
      413,
      {
        errors: [
          {
            message: 'The request body is larger than 4096 bytes (DOSSIER_MAX_BODY_BYTES)',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
    ]);
  });
});
