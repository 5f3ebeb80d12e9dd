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
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('answers { __typename } on /graphql', async () => {
    const response = await postGraphQL({ query: '{ __typename }' });
    expect(await response.text()).toBe('{"data":{"__typename":"Query"}}\n');
  });

  it('refuses a simple GET that could be a cross-site request (CSRF prevention)', async () => {
    const response = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
  });

  it('tags responses with a request id, keeping a sane one from the caller', async () => {
    const own = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'trace-12345678' } });
    expect(own.headers.get('x-request-id')).toBe('trace-12345678');
    const fresh = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'bad id; drop table' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the web app for client-side routes and 404s missing assets', async () => {
    for (const route of ['/', '/customers/123']) {
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
