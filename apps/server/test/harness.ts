import { randomBytes } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLFormattedError } from 'graphql';
import { afterAll, inject } from 'vitest';
import type { Context } from '../src/core/context.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/core/database/database-url.js';
import { ormConfig } from '../src/core/database/orm.js';
import { loadEnv } from '../src/core/env.js';
import { formatError } from '../src/core/graphql/apollo.js';
import { buildDossierSchema } from '../src/core/graphql/schema.js';
import { createLogger } from '../src/core/logger.js';
import type { Staff } from '../src/modules/staff/staff.entity.js';

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * A fresh database for the calling test file, cloned from the migrated template, with the real schema on
 * top. `sql` records every statement the ORM sends, for batching assertions.
 */
export async function testDatabase() {
  const adminUrl = inject('adminUrl');
  const database = `dossier_test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(adminUrl, database, inject('templateDatabase'));
  const url = withDatabase(adminUrl, database);

  const sql: string[] = [];
  const orm = await MikroORM.init(
    ormConfig(url, {
      debug: ['query'],
      colors: false,
      logger: (message: string) => {
        if (message.startsWith('[query] ')) sql.push(message.slice('[query] '.length));
      },
    }),
  );
  const log = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  const apollo = new ApolloServer<Context>({
    schema: await buildDossierSchema(),
    formatError: formatError(log),
  });
  await apollo.start();

  afterAll(async () => {
    await apollo.stop();
    await orm.close();
    await dropDatabase(adminUrl, database);
  });

  async function execute<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { viewer?: Staff | null; locale?: Context['locale'] } = {},
  ): Promise<GraphQLResult<T>> {
    const contextValue = {
      em: orm.em.fork(),
      viewer: options.viewer ?? null,
      log,
      locale: options.locale ?? 'en',
    } satisfies Context;
    const response = await apollo.executeOperation<T>({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used');
    return response.body.singleResult as GraphQLResult<T>;
  }

  /** The statements `work` sends, transaction control excluded. */
  async function captureSql(work: () => Promise<unknown>): Promise<string[]> {
    const start = sql.length;
    await work();
    return sql
      .slice(start)
      .filter((statement) => !/^(begin|commit|rollback|savepoint|release)/i.test(statement));
  }

  return { orm, url, adminUrl, database, execute, captureSql, env: loadEnv({ NODE_ENV: 'test' }) };
}
