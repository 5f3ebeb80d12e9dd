import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';

/**
 * Applies pending migrations in one transaction: a failed one leaves the schema as it was. Server instances
 * starting together take turns under a lock, so the later ones find the migrations applied instead of
 * failing on tables the first has just created. The lock is a transaction's (of its own, on one pooled
 * connection), which PgBouncer in transaction mode keeps on one server connection too.
 */
export async function migrate(orm: MikroORM, log: Logger): Promise<void> {
  const applied = await orm.em.getConnection().transactional(async (lock) => {
    await lock.raw(`select pg_advisory_xact_lock(hashtext('dossier.migrations'))`);
    return orm.migrator.up();
  });
  if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
}
