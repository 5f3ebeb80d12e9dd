import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock/clock.js';
import { loadEnv } from '../../src/core/env.js';
import { buildDossierSchema } from '../../src/core/graphql/schema.js';
import { createLogger } from '../../src/core/logger.js';
import { refreshAbcSnapshotIfStale } from '../../src/modules/abc/abc.snapshot.js';
import { refreshRiskIfStale } from '../../src/modules/risk/risk.refresh.js';
import { type RunningDossier, startDossier } from '../../src/server.js';
import { testDatabase } from '../harness.js';
import { checksummer } from './checksum.js';
import { buildFuzzDataset, FUZZ_PASSWORD } from './dataset.js';
import { type Caller, Figures, type FuzzTarget, runFuzz } from './runner.js';
import { Pools } from './values.js';

// `pnpm fuzz --runs N` sets these for the long run; `npm test` runs ~300 requests on the fixed seed.
const RUNS = Number(process.env.DOSSIER_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.DOSSIER_FUZZ_SEED ?? 20261129);
const KEEP_GOING = process.env.DOSSIER_FUZZ_KEEP_GOING === '1';

const clock = fixedClock('2026-11-29T10:00:00+08:00');
const db = await testDatabase({ clock });
let dossier: RunningDossier;
let target: FuzzTarget;

/** Signs in through the `login` mutation over HTTP and keeps the session cookie, as the web app does. */
async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: { e: email, p: FUZZ_PASSWORD },
    }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`could not sign in ${email}: ${await response.text()}`);
  return cookie;
}

beforeAll(async () => {
  const dataset = await buildFuzzDataset(db);
  // The server's schedule refreshes stale snapshots in the background at start: done here first, it finds
  // nothing to do, and cannot change a table between the two checksums of a refused write.
  await refreshAbcSnapshotIfStale(db.orm.em.fork(), clock);
  await refreshRiskIfStale(db.orm.em.fork(), createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }), clock);
  // Everything slow comes before the sign-ins: the first fuzz request reuses their kept-alive connection, and
  // one left idle past the server's keep-alive timeout (5 s) can be closed under it (ECONNRESET), as a
  // loaded machine showed.
  const schema = await buildDossierSchema();
  const checksum = await checksummer(db.orm);
  const env = loadEnv({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: db.url,
    DOSSIER_SEED: 'none',
    // The long run sends thousands of requests a minute from one address: the rate limit has its own test.
    DOSSIER_RATE_LIMIT: '1000000',
  });
  // LOG_LEVEL=error shows the server's log of an internal error (the test environment's log is silent).
  const level = loadEnv({ LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' }).LOG_LEVEL;
  dossier = await startDossier(env, createLogger({ LOG_LEVEL: level, NODE_ENV: 'development' }), clock);
  const base = `http://127.0.0.1:${dossier.port}`;
  const cookies: Record<Caller, string | null> = {
    rep: await signIn(base, dataset.emails.rep),
    analyst: await signIn(base, dataset.emails.analyst),
    anonymous: null,
  };
  target = {
    base,
    schema,
    pools: new Pools(dataset.ids, dataset.texts),
    cookies,
    checksum,
  };
});

afterAll(() => dossier?.stop());

describe('fuzzing the API from its schema', () => {
  it(
    `answers ${RUNS} random and malformed requests (seed ${SEED}) with JSON, a code on every error, no internal error, and no write when refused`,
    async () => {
      const figures = new Figures();
      console.info(`fuzz: seed ${SEED}, ${RUNS} requests`);
      try {
        await runFuzz(target, { seed: SEED, runs: RUNS, keepGoing: KEEP_GOING }, figures);
      } finally {
        console.info(figures.toString());
      }
      expect(figures.requests).toBe(RUNS);
    },
    Math.max(60_000, RUNS * 200),
  );
});
