import type { EntityManager, Options } from '@mikro-orm/postgresql';

/**
 * MikroORM's read replicas from DATABASE_REPLICA_URLS. Ordinary entity reads stay on the primary
 * (`preferReadReplicas: false`): a mutation's result, a loader after a write and every check a write
 * makes read what was just written. Only the reads that go through `onReadReplica` use a replica.
 */
export function readReplicas(urls: readonly string[]): Partial<Options> {
  if (urls.length === 0) return {};
  return {
    replicas: urls.map((clientUrl, i) => ({ name: `replica-${i + 1}`, clientUrl })),
    preferReadReplicas: false,
  };
}

/**
 * Runs `read` with an entity manager whose statements go to a read replica (one chosen at random), in one
 * read-only transaction, so that a page and its count see the same replayed state. The analytics (ABC,
 * composition, risk lists and summaries) and the customer list read this way: they tolerate the replica's
 * lag of a moment, and they are what costs the primary most. Without replicas, or inside a transaction
 * (which may hold the caller's own writes), `read` gets `em` itself and runs on the primary.
 * The statements show in MikroORM's query log as the write connection's: they run on the replica's
 * transaction through the primary's connection object.
 */
export async function onReadReplica<T>(
  em: EntityManager,
  read: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const replica = em.getConnection('read');
  if (replica === em.getConnection('write') || em.isInTransaction()) return read(em);
  return replica.transactional(
    (trx) => {
      const fork = em.fork();
      fork.setTransactionContext(trx);
      return read(fork);
    },
    { readOnly: true },
  );
}
