import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { httpGraphQL } from '../../../test/http-graphql.js';
import { sample } from '../../../test/metrics-sample.js';
import { startAbcSchedule } from '../../modules/abc/abc.schedule.js';
import { startDossier } from '../../server.js';
import { ormConfig } from '../database/orm.js';
import { loadEnv } from '../env.js';
import { buildDossierSchema } from '../graphql/schema.js';
import { createApp } from '../http/app.js';
import { createLogger, type Logger } from '../logger.js';
import { DossierMetrics } from './metrics.js';

const db = await testDatabase();
const TOKEN = 'a-metrics-token-of-32-characters';
const stops: Array<() => Promise<unknown>> = [];

/** A logger whose lines (warn and up) the test reads. */
function capturedLog(): { log: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

/** A Dossier app on its own port, with these settings and metrics. */
async function serve(settings: Record<string, string>, log: Logger, metrics?: DossierMetrics) {
  const env = loadEnv({ NODE_ENV: 'test', ...settings });
  const { app, stop } = await createApp(db.orm, await buildDossierSchema(), env, log, db.clock, metrics);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stops.push(async () => {
    await stop();
    await new Promise((resolve) => server.close(resolve));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    graphql: httpGraphQL(base),
    scrape: (authorization?: string) =>
      fetch(`${base}/metrics`, { headers: authorization ? { authorization } : {} }),
    metricsText: async () => {
      const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      return response.text();
    },
  };
}

/** The value of one series in Prometheus text, or undefined when the series is absent. */
const silent = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
let open: Awaited<ReturnType<typeof serve>>;
let guarded: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  open = await serve({}, silent);
  guarded = await serve({ DOSSIER_METRICS_TOKEN: TOKEN }, silent);
});

afterAll(async () => {
  for (const stop of stops) await stop();
});

describe('/metrics', () => {
  it('does not exist without DOSSIER_METRICS_TOKEN', async () => {
    const response = await open.scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('dossier_');
  });

  it('refuses a missing or wrong token', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, TOKEN]) {
      const response = await guarded.scrape(authorization);
      expect([response.status, response.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
      expect(await response.text()).not.toContain('dossier_');
    }
  });

  it('counts operations by name and errors by code, with the token', async () => {
    const duration = 'dossier_graphql_operation_duration_seconds';
    const before = await guarded.metricsText();
    expect(sample(before, `${duration}_count{operation="MetricsProbe"}`)).toBeUndefined();
    await guarded.graphql('query MetricsProbe { __typename }');
    await guarded.graphql('query MetricsProbe { __typename }');
    await guarded.graphql('{ __typename }');
    const coerced = await guarded.graphql('query Coerced($b: Boolean!) { __typename @include(if: $b) }', {
      b: 'not a boolean',
    });
    expect(coerced.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknownField = await guarded.graphql('query Unknown { nope }');
    expect(unknownField.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const after = await guarded.metricsText();
    expect(sample(after, `${duration}_count{operation="MetricsProbe"}`)).toBe(2);
    expect(sample(after, `${duration}_bucket{le="+Inf",operation="MetricsProbe"}`)).toBe(2);
    expect(sample(after, `${duration}_count{operation="(anonymous)"}`)).toBe(1);
    expect(sample(after, `${duration}_count{operation="Coerced"}`)).toBe(1);
    // Refused before its operation was found: the document's name is not trusted as a label.
    expect(sample(after, `${duration}_count{operation="(unresolved)"}`)).toBe(1);
    expect(sample(after, `${duration}_count{operation="Unknown"}`)).toBeUndefined();
    expect(sample(after, 'dossier_graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(1);
    expect(sample(after, 'dossier_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
  });

  it('counts a request refused before its operation started (rate limit) by its code', async () => {
    const limited = await serve(
      { DOSSIER_METRICS_TOKEN: TOKEN, DOSSIER_RATE_LIMIT: '1', DOSSIER_RATE_LIMIT_WINDOW_SECONDS: '600' },
      silent,
    );
    const address = { 'x-forwarded-for': '192.0.2.77' };
    await limited.graphql('{ __typename }', {}, { headers: address });
    const refused = await limited.graphql('{ __typename }', {}, { headers: address });
    expect(refused.response.status).toBe(429);
    expect(sample(await limited.metricsText(), 'dossier_graphql_errors_total{code="RATE_LIMITED"}')).toBe(1);
  });

  it('shows the database pool and the event-loop lag', async () => {
    const text = await guarded.metricsText();
    for (const state of ['used', 'free', 'pending_acquires', 'pending_creates']) {
      expect(sample(text, `dossier_db_pool_connections{state="${state}"}`)).toBeGreaterThanOrEqual(0);
    }
    // The pool served the statements above: it has connections, and idle ones between requests.
    expect(sample(text, 'dossier_db_pool_connections{state="free"}')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('keeps a label for the first operation names only', async () => {
    const capped = await serve(
      { DOSSIER_METRICS_TOKEN: TOKEN },
      silent,
      new DossierMetrics(db.orm, silent, { operationNames: 3 }),
    );
    for (const name of ['A', 'B', 'A', 'C', 'D', 'E', `L${'o'.repeat(200)}ng`]) {
      await capped.graphql(`query ${name} { __typename }`);
    }
    const text = await capped.metricsText();
    const counts = text
      .split('\n')
      .filter((line) => line.startsWith('dossier_graphql_operation_duration_seconds_count{'));
    expect(counts).toEqual([
      'dossier_graphql_operation_duration_seconds_count{operation="A"} 2',
      'dossier_graphql_operation_duration_seconds_count{operation="B"} 1',
      'dossier_graphql_operation_duration_seconds_count{operation="C"} 1',
      'dossier_graphql_operation_duration_seconds_count{operation="(other)"} 3',
    ]);
  });
});

describe('the slow-operation log', () => {
  it('warns with the operation name, its duration and the request id past DOSSIER_SLOW_OPERATION_MS', async () => {
    const { log, lines } = capturedLog();
    const slowAt0 = await serve({ DOSSIER_SLOW_OPERATION_MS: '0' }, log);
    await slowAt0.graphql(
      'query Sluggish { __typename }',
      {},
      { headers: { 'x-request-id': 'slow-request-1' } },
    );
    expect(lines.filter((line) => line.msg === 'slow GraphQL operation')).toEqual([
      expect.objectContaining({ level: 40, operationName: 'Sluggish', requestId: 'slow-request-1' }),
    ]);
    expect(lines[0]?.ms).toBeTypeOf('number');
  });

  it('stays quiet under the threshold', async () => {
    const { log, lines } = capturedLog();
    const slowAtMinute = await serve({ DOSSIER_SLOW_OPERATION_MS: '60000' }, log);
    await slowAtMinute.graphql('query Quick { __typename }');
    expect(lines).toEqual([]);
  });
});

describe('background job metrics', () => {
  it('counts every run and its duration, and a failed step as a failure that does not stop the next', async () => {
    const { log, lines } = capturedLog();
    const metrics = new DossierMetrics(db.orm, log);
    // A pool that is closed: every step of the schedule fails on its first statement.
    const closed = await MikroORM.init(ormConfig(db.url));
    await closed.close();
    await startAbcSchedule(closed, log, db.clock, metrics)();
    const failed = await metrics.registry.metrics();
    for (const job of ['abc_snapshot', 'abc_ranking', 'risk_refresh']) {
      expect(sample(failed, `dossier_job_runs_total{job="${job}"}`)).toBe(1);
      expect(sample(failed, `dossier_job_failures_total{job="${job}"}`)).toBe(1);
      expect(sample(failed, `dossier_job_duration_seconds_count{job="${job}"}`)).toBe(1);
    }
    expect(lines.map((line) => line.msg)).toEqual([
      'ABC snapshot refresh failed',
      'ABC ranking refresh failed',
      'risk refresh failed',
    ]);

    await startAbcSchedule(db.orm, log, db.clock, metrics)();
    const succeeded = await metrics.registry.metrics();
    expect(sample(succeeded, 'dossier_job_runs_total{job="abc_snapshot"}')).toBe(2);
    expect(sample(succeeded, 'dossier_job_failures_total{job="abc_snapshot"}')).toBe(1);
    expect(lines).toHaveLength(3);
  });
});

describe('the running server', () => {
  it('reports its background jobs and its requests on one /metrics', async () => {
    const env = loadEnv({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: db.url,
      DOSSIER_SEED: 'none',
      DOSSIER_METRICS_TOKEN: TOKEN,
    });
    const dossier = await startDossier(env, silent, db.clock);
    stops.push(dossier.stop);
    const base = `http://127.0.0.1:${dossier.port}`;
    await httpGraphQL(base)('query Started { __typename }');
    const scrape = async () =>
      (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    // The schedule's first run starts with the server, in the background.
    await expect
      .poll(async () => sample(await scrape(), 'dossier_job_runs_total{job="risk_refresh"}'), {
        timeout: 10_000,
      })
      .toBe(1);
    const text = await scrape();
    expect(sample(text, 'dossier_job_failures_total{job="risk_refresh"}')).toBeUndefined();
    expect(sample(text, 'dossier_graphql_operation_duration_seconds_count{operation="Started"}')).toBe(1);
  });
});

describe('the last verified backup age', () => {
  const gauge = 'dossier_backup_last_verified_age_seconds';

  it('is absent until a source is set, then reads it at every scrape', async () => {
    const metrics = new DossierMetrics(db.orm, silent);
    expect(sample(await metrics.registry.metrics(), gauge)).toBeUndefined();
    let age: number | null = null;
    metrics.setBackupAgeSource(async () => age);
    expect(sample(await metrics.registry.metrics(), gauge)).toBe(Number.POSITIVE_INFINITY);
    age = 3_600;
    expect(sample(await metrics.registry.metrics(), gauge)).toBe(3_600);
  });

  it('is NaN (unknown) when the source fails, and the rest still answers', async () => {
    const { log, lines } = capturedLog();
    const metrics = new DossierMetrics(db.orm, log);
    metrics.setBackupAgeSource(async () => {
      throw new Error('database unreachable');
    });
    const text = await metrics.registry.metrics();
    expect(sample(text, gauge)).toBeNaN();
    expect(sample(text, 'dossier_db_pool_connections{state="used"}')).toBeGreaterThanOrEqual(0);
    expect(lines.map((line) => line.msg)).toEqual(['metrics: the last verified backup could not be read']);
  });
});
