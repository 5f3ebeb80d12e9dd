import type { EntityManager, Options } from '@mikro-orm/postgresql';

/**
 * MikroORM's read replicas from DATABASE_REPLICA_URLS. Ordinary entity reads stay on the primary
 * (`preferReadReplicas: false`): a mutation's result, a loader after a write and every check a write
 * makes read what was just written. Only the reads that go through `readReplica` use a replica.
 */
export function readReplicas(urls: readonly string[]): Partial<Options> {
  if (urls.length === 0) return {};
  return {
    replicas: urls.map((clientUrl, i) => ({ name: `replica-${i + 1}`, clientUrl })),
    preferReadReplicas: false,
  };
}

/**
 * An entity manager whose statements go to a read replica (one chosen at random): `execute` each on its
 * own, `transactional` in a read-only transaction there. The analytics (ABC, composition, risk lists and
 * summaries) and the customer list read through it: they tolerate the replica's lag of a moment, and they
 * are what costs the primary most. Without replicas, or inside a transaction (which may hold the caller's
 * own writes), it is `em` itself, on the primary. Entities it maps are plain reads: never flush them.
 */
export function readReplica(em: EntityManager): EntityManager {
  const replica = em.getConnection('read');
  if (replica === em.getConnection('write') || em.isInTransaction()) return em;
  const reader = em.fork();
  const execute: EntityManager['execute'] = (query, params, method, loggerContext) =>
    replica.execute(query, params, method, undefined, loggerContext);
  const transactional = <T>(work: (tx: EntityManager) => T | Promise<T>) =>
    replica.transactional(
      async (trx) => {
        // Statements in a transaction context run on that transaction's connection: the replica's.
        const tx = em.fork();
        tx.setTransactionContext(trx);
        return work(tx);
      },
      { readOnly: true },
    );
  return Object.assign(reader, { execute, transactional });
}
