import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';

/** Applies pending migrations in one transaction: a failed one leaves the schema as it was. */
export async function migrate(orm: MikroORM, log: Logger): Promise<void> {
  const applied = await orm.migrator.up();
  if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
}
