import { randomBytes } from 'node:crypto';
import { stripVTControlCharacters } from 'node:util';
import { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLFormattedError } from 'graphql';
import { pino } from 'pino';
import { afterAll, inject } from 'vitest';
import { type Clock, systemClock } from '../src/core/clock/clock.js';
import { setProcessClock } from '../src/core/clock/current-clock.js';
import type { Context } from '../src/core/context.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/core/database/database-url.js';
import { ormConfig } from '../src/core/database/orm.js';
import { type Env, loadEnv } from '../src/core/env.js';
import { createApolloServer } from '../src/core/graphql/apollo.js';
import { buildDossierSchema } from '../src/core/graphql/schema.js';
import { Loaders } from '../src/core/loaders.js';
import { createLogger, type Logger } from '../src/core/logger.js';
import type { Staff } from '../src/modules/staff/staff.entity.js';
import { failOnInternalError, type InternalErrorExpectation } from './internal-errors.js';

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface ExecuteOptions extends InternalErrorExpectation {
  viewer?: Staff | null;
  locale?: Context['locale'];
  /** How the viewer signed in (default a session); 'api-token' makes the request read-only. */
  credential?: Context['credential'];
  /** The client's address (default 127.0.0.1), which sign-in limits count by. */
  address?: string;
  /** Configuration overrides, e.g. NODE_ENV production. */
  env?: Partial<Env>;
  /** The time of this one operation, e.g. fixedClock('2026-12-31T15:59:59Z'); default the database's. */
  clock?: Clock;
}

export interface TestDatabaseOptions {
  /**
   * The time of everything in this test file: operations, fixtures' flushes and record stamps. Default:
   * the real time in the default business zone, for tests whose outcome does not depend on the date.
   */
  clock?: Clock;
}

/**
 * A fresh database for the calling test file, cloned from the migrated template, with the real schema and
 * Apollo Server on top. `captureSql` records the statements the ORM sends, for batching assertions.
 */
export async function testDatabase(options: TestDatabaseOptions = {}) {
  const clock = options.clock ?? systemClock();
  // Each test file runs in its own module graph, so this pins the clock of this file only.
  setProcessClock(clock);
  const adminUrl = inject('adminUrl');
  const database = `dossier_test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(adminUrl, database, inject('templateDatabase'));
  const url = withDatabase(adminUrl, database);

  const sql: string[] = [];
  const orm = await MikroORM.init(
    ormConfig(url, {
      debug: ['query'],
      colors: false,
      logger: (raw: string) => {
        // MikroORM colours its log even with `colors: false` when the terminal supports it.
        const message = stripVTControlCharacters(raw);
        if (message.startsWith('[query] ')) sql.push(message.slice('[query] '.length));
      },
    }),
  );
  const env = loadEnv({ NODE_ENV: 'test' });
  const log = createLogger(env);
  // What Apollo's error formatter logs about an unexpected error, so a failing test can say what it was.
  const unexpected: string[] = [];
  const apolloLog = pino(
    { level: 'error' },
    { write: (line: string) => unexpected.push(describeLogged(line)) },
  );
  const apollo = createApolloServer(await buildDossierSchema(), apolloLog, env.DOSSIER_MAX_TOKENS);
  await apollo.start();

  afterAll(async () => {
    await apollo.stop();
    await orm.close();
    await dropDatabase(adminUrl, database);
  });

  /** A request's context, as the HTTP layer builds it; `logger` replaces the silent test log. */
  function context(options: ExecuteOptions = {}, logger: Logger = log): Context {
    const em = orm.em.fork();
    const viewer = options.viewer ?? null;
    return {
      em,
      viewer,
      sessionToken: null,
      credential: viewer ? (options.credential ?? 'session') : null,
      address: options.address ?? '127.0.0.1',
      loaders: new Loaders(em, viewer),
      log: logger,
      origin: 'http://dossier.test',
      locale: options.locale ?? 'en',
      sessionCookie: { set: () => undefined, clear: () => undefined },
      env: { ...env, ...options.env },
      clock: options.clock ?? clock,
    } satisfies Context;
  }

  async function execute<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: ExecuteOptions = {},
  ): Promise<GraphQLResult<T>> {
    const contextValue = context(options);
    const logged = unexpected.length;
    const response = await apollo.executeOperation<T>({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used');
    const result = response.body.singleResult as GraphQLResult<T>;
    failOnInternalError(result.errors, options, unexpected.slice(logged));
    return result;
  }

  /** The statements `work` sends, transaction control excluded. */
  async function captureSql(work: () => Promise<unknown>): Promise<string[]> {
    const start = sql.length;
    await work();
    return sql
      .slice(start)
      .filter(
        (statement) =>
          !/^(begin|start transaction|set transaction|commit|rollback|savepoint|release)/i.test(statement),
      );
  }

  return { orm, url, adminUrl, database, env, clock, context, execute, captureSql };
}

/** The error a pino line carries, with its stack, or the line itself. */
function describeLogged(line: string): string {
  try {
    const entry = JSON.parse(line) as { msg?: string; err?: { stack?: string; message?: string } };
    return entry.err?.stack ?? entry.err?.message ?? entry.msg ?? line;
  } catch {
    return line;
  }
}
