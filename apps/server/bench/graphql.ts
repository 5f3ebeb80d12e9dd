import type { Context } from '../src/core/context.js';
import { createApolloServer } from '../src/core/graphql/apollo.js';
import { buildDossierSchema } from '../src/core/graphql/schema.js';
import { Loaders } from '../src/core/loaders.js';
import type { Staff } from '../src/modules/staff/staff.entity.js';
import type { Bench } from './database.js';

export type Execute = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<Record<string, unknown>>;

/**
 * The real schema on Apollo Server, executed in-process as a signed-in viewer, each operation with its own
 * EntityManager fork and loaders, as an HTTP request gets them; no HTTP or JSON parsing in the timings.
 * Answers the data, or throws the first error's code and message.
 */
export async function graphqlAs(
  bench: Bench,
  viewer: Staff,
): Promise<{ execute: Execute; stop(): Promise<void> }> {
  const apollo = createApolloServer(await buildDossierSchema(), bench.log, bench.env.DOSSIER_MAX_TOKENS);
  await apollo.start();
  const execute: Execute = async (query, variables = {}) => {
    const em = bench.orm.em.fork();
    const contextValue = {
      em,
      viewer,
      sessionToken: null,
      credential: 'session',
      address: '127.0.0.1',
      loaders: new Loaders(em, viewer),
      log: bench.log,
      locale: 'zh-CN',
      sessionCookie: { set: () => undefined, clear: () => undefined },
      env: bench.env,
      clock: bench.clock,
    } satisfies Context;
    const response = await apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used');
    const [error] = response.body.singleResult.errors ?? [];
    if (error) throw new Error(`${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
    return response.body.singleResult.data ?? {};
  };
  return { execute, stop: () => apollo.stop() };
}
