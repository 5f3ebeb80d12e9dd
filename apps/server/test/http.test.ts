import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/core/env.js';
import { createLogger } from '../src/core/logger.js';
import { type RunningDossier, startDossier } from '../src/server.js';
import { testDatabase } from './harness.js';

const db = await testDatabase();
let dossier: RunningDossier;
let base: string;
let unusedDataDir: string;

beforeAll(async () => {
  const webDist = await mkdtemp(path.join(tmpdir(), 'dossier-web-'));
  await writeFile(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(webDist, 'app.js'), 'console.log(1)');
  unusedDataDir = path.join(webDist, 'would-be-postgres');
  const env = loadEnv({
    DOSSIER_DATA_DIR: unusedDataDir,
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: db.url,
    DOSSIER_SEED: 'none',
    DOSSIER_WEB_DIST: webDist,
  });
  dossier = await startDossier(env, createLogger(env));
  base = `http://127.0.0.1:${dossier.port}`;
});

afterAll(() => dossier.stop());

const postGraphQL = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('one process serves everything', () => {
  it('uses DATABASE_URL as given and starts no embedded PostgreSQL', () => {
    expect(dossier.databaseUrl).toBe(db.url);
    expect(existsSync(unusedDataDir)).toBe(false);
  });

  it('answers the probes', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    // No scheduled backup has been verified on this database yet: shown, and ready all the same.
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', lastVerifiedBackup: null }]);
  });

  it('answers { __typename } on /graphql', async () => {
    const response = await postGraphQL({ query: '{ __typename }' });
    expect(await response.text()).toBe('{"data":{"__typename":"Query"}}\n');
  });

  it('refuses a simple GET that could be a cross-site request (CSRF prevention)', async () => {
    const response = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
  });

  it("sends a browser opening /graphql to the bundled GraphiQL, not Apollo's online landing page", async () => {
    const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const page = await fetch(`${base}/graphql`, { headers: { accept: browserAccept }, redirect: 'manual' });
    expect([page.status, page.headers.get('location')]).toEqual([302, '/graphiql']);

    // A GET carrying an operation is still executed, whatever it accepts.
    for (const accept of [browserAccept, 'application/json']) {
      const response = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { accept, 'apollo-require-preflight': '1' },
      });
      expect([response.status, await response.json()]).toEqual([200, { data: { __typename: 'Query' } }]);
    }
  });

  it('tags responses with a request id, keeping a sane one from the caller', async () => {
    const own = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'trace-12345678' } });
    expect(own.headers.get('x-request-id')).toBe('trace-12345678');
    const fresh = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'bad id; drop table' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the web app for client-side routes and 404s missing assets', async () => {
    for (const route of ['/', '/customers/123', '/graphiql']) {
      const page = await fetch(`${base}${route}`, { headers: { accept: 'text/html' } });
      expect([page.status, await page.text()]).toEqual([200, '<!doctype html><div id="root"></div>']);
    }
    expect((await fetch(`${base}/app.js`)).status).toBe(200);
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
  });

  it('reports invalid operations with a code and no stack trace', async () => {
    const response = await postGraphQL({ query: '{ nope }' });
    const body = (await response.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0]?.extensions).not.toHaveProperty('stacktrace');
  });
});

const json = { 'content-type': 'application/json' };
const typename = '{"query":"{ __typename }"}';

describe('every answer on /graphql is JSON with a code, whatever arrives', () => {
  it.each<[string, RequestInit & { search?: string }, number, string]>([
    ['a malformed JSON body', { method: 'POST', headers: json, body: '{' }, 400, 'not valid JSON'],
    [
      'a JSON body that is not an object',
      { method: 'POST', headers: json, body: 'null' },
      400,
      'not valid JSON',
    ],
    ['an empty body', { method: 'POST', headers: json, body: '' }, 400, 'POST body missing'],
    ['a batch', { method: 'POST', headers: json, body: `[${typename}]` }, 400, 'batching disabled'],
    [
      'a query that is not a string',
      { method: 'POST', headers: json, body: '{"query":1}' },
      400,
      'must be strings',
    ],
    [
      'a body over the limit',
      { method: 'POST', headers: json, body: `{"query":"${' '.repeat(1_100_000)}"}` },
      413,
      'larger than',
    ],
    [
      'a charset other than UTF-8',
      { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: typename },
      415,
      'UTF-8',
    ],
    [
      'a broken gzip body',
      { method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: typename },
      400,
      'could not be read',
    ],
    [
      'text/plain',
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: typename },
      415,
      'application/json',
    ],
    [
      'a form',
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=x' },
      415,
      'application/json',
    ],
    ['no content type', { method: 'POST', body: typename }, 415, 'application/json'],
    ['PUT', { method: 'PUT', headers: json, body: typename }, 405, 'PUT is not supported'],
    ['DELETE', { method: 'DELETE' }, 405, 'DELETE is not supported'],
    [
      'a GET with a mutation',
      { method: 'GET', headers: { 'apollo-require-preflight': '1' }, search: '?query=mutation%7Blogout%7D' },
      405,
      'only support query',
    ],
  ])('%s', async (_case, { search = '', ...init }, status, message) => {
    const response = await fetch(`${base}/graphql${search}`, init);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as {
      errors: Array<{ message: string; extensions: Record<string, unknown> }>;
    };
    expect(body.errors).toEqual([
      { message: expect.stringContaining(message), extensions: { code: 'BAD_REQUEST' } },
    ]);
    if (status === 405) expect(response.headers.get('allow')).toContain('POST');
  });

  it('answers a forged session cookie as signed out, not with an internal error', async () => {
    const response = await postGraphQL({ query: '{ me { id } }' }, { cookie: 'dossier_session=%E0%A4%A' });
    const body = (await response.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect([response.status, body.errors[0]?.extensions.code]).toEqual([200, 'UNAUTHENTICATED']);
  });

  // Found by the fuzz test: Node's HTTP parser refused a GET whose URL was over 16 KB with a bare 431 and
  // no body, before Express could answer it in JSON.
  it('answers a URL too large for the HTTP parser in JSON with a code', async () => {
    const search = `?query=${encodeURIComponent(`{ customers(filter: { search: "${'x'.repeat(20_000)}" }) { totalCount } }`)}`;
    const response = await fetch(`${base}/graphql${search}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: expect.stringContaining('send the operation as a POST body'),
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });
});
