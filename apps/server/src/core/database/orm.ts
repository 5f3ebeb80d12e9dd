import { fileURLToPath } from 'node:url';
import type { RiskThresholds } from '@dossier/domain';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { HistorySubscriber } from '../../modules/history/history.subscriber.js';
import { RiskSubscriber } from '../../modules/risk/risk.subscriber.js';
import { entities } from './entities.js';

const POOL_SIZE = 10;

/** Source (.ts) under swc-node and vitest, compiled (.js) under dist: the same relative folder. */
const migrationsDir = fileURLToPath(new URL('../../migrations', import.meta.url));

/** What the server's connections are bounded by (env.ts): statement time, connecting, waiting for the pool. */
export interface ConnectionLimits {
  statementTimeoutMs: number;
  connectTimeoutMs: number;
  acquireTimeoutMs: number;
}

/**
 * The server's connections tell PostgreSQL to cancel any one statement running longer than
 * `statementTimeoutMs` (node-postgres sends `statement_timeout` as each pooled connection opens). A request's
 * queries run on whichever pooled connection is free, outside a transaction when they only read, so a
 * per-request `SET LOCAL` would have no transaction to live in; the connection setting covers reads and
 * writes alike. A migration that needs longer lifts it for its own transaction (`set local statement_timeout = 0`).
 *
 * With PostgreSQL away, opening a connection fails at once (refused) or after `connectTimeoutMs` (a host
 * that does not answer), and a request waiting for a pooled connection gives up after `acquireTimeoutMs`
 * rather than at knex's 60 s: either way the request is answered SERVICE_UNAVAILABLE (unavailable.ts)
 * well within the request timeout. The pool drops connections PostgreSQL closed (knex marks them on
 * their `error`/`end` events) and opens new ones on demand, so it reconnects by itself once it is back.
 */
export function connectionLimits(limits: ConnectionLimits): Partial<Options> {
  return {
    driverOptions: {
      connection: {
        statement_timeout: limits.statementTimeoutMs,
        connectionTimeoutMillis: limits.connectTimeoutMs,
      },
    },
    pool: { min: 0, max: POOL_SIZE, acquireTimeoutMillis: limits.acquireTimeoutMs },
  };
}

/** PostgreSQL's query_canceled: what a statement stopped by statement_timeout fails with. */
export function isStatementTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '57014';
}

/** `riskThresholds`: the configured ones (riskThresholdsOf(env)); tests get the documented defaults. */
export function ormConfig(
  clientUrl: string,
  overrides: Partial<Options> = {},
  riskThresholds?: RiskThresholds,
): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    subscribers: [new HistorySubscriber(), new RiskSubscriber(riskThresholds)],
    forceUtcTimezone: true,
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
      fileName: (timestamp, name) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
    // MikroORM's own import() bypasses vitest's module loader and fails on .ts migrations otherwise.
    dynamicImportProvider: (id: string) => import(id),
    pool: { min: 0, max: POOL_SIZE },
    ...overrides,
  });
}
