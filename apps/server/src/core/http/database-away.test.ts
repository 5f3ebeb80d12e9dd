import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { findFreePort } from '../database/free-port.js';
import { connectionLimits, ormConfig } from '../database/orm.js';
import { UNAVAILABLE_MESSAGE } from '../database/unavailable.js';
import { loadEnv } from '../env.js';
import { buildDossierSchema } from '../graphql/schema.js';
import { createLogger } from '../logger.js';
import { createApp } from './app.js';

// The in-process half of issue 12's faults (the process-level half is test/faults): a server whose
// PostgreSQL is not there answers fast and says so, and a draining one tells the balancer.
const db = await testDatabase();
const env = loadEnv({ NODE_ENV: 'test' });
const stops: Array<() => Promise<unknown>> = [];

async function serve(orm: MikroORM) {
  const dossier = await createApp(orm, await buildDossierSchema(), env, createLogger(env), db.clock);
  const server: Server = createServer(dossier.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stops.push(async () => {
    await dossier.stop();
    await new Promise((resolve) => server.close(resolve));
    await orm.close();
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, drain: dossier.drain };
}

afterAll(async () => {
  for (const stop of stops) await stop();
});

const post = (base: string, query: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

describe('a server whose PostgreSQL is not there', async () => {
  // A port nothing listens on: every connection is refused, as with PostgreSQL stopped.
  const nowhere = `postgresql://postgres:secret@127.0.0.1:${await findFreePort()}/dossier`;
  const limits = { statementTimeoutMs: 30_000, connectTimeoutMs: 1_000, acquireTimeoutMs: 2_000 };
  const { base } = await serve(
    await MikroORM.init({ ...ormConfig(nowhere, connectionLimits(limits)), connect: false }),
  );

  it.each([
    ['a signed-in query', '{ me { email } }', { authorization: 'Bearer some-session-token' }],
    ['signing in', 'mutation { login(email: "a@example.com", password: "x") { token } }', {}],
  ])('answers %s SERVICE_UNAVAILABLE with 503 and Retry-After, at once', async (_, query, headers) => {
    const started = performance.now();
    const response = await post(base, query, headers);
    expect(performance.now() - started).toBeLessThan(limits.acquireTimeoutMs);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: object }> };
    // The resolver's error keeps its path (login), the context's has none: neither a driver message nor a stack.
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ message: UNAVAILABLE_MESSAGE });
    expect(body.errors[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('is not ready, and says why', async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'database unreachable' });
  });
});

describe('a draining server', () => {
  it('is not ready from the moment shutdown begins, though its database answers', async () => {
    const { base, drain } = await serve(await MikroORM.init(ormConfig(db.url)));
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    drain();
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'shutting down' });
  });
});
