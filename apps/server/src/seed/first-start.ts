import type { MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../core/clock/clock.js';
import type { Env } from '../core/env.js';
import type { Logger } from '../core/logger.js';

/** Logged once the demo company exists, so whoever started the server knows how to get in. */
export const DEMO_READY = 'demo company created: sign in as rep@demo.dossier with password dossier-demo';

/**
 * On the first start of a non-production server in demo mode, fills the empty database with the demo
 * company. A database with staff is left alone, so this runs once.
 */
export async function seedOnFirstStart(orm: MikroORM, env: Env, log: Logger, clock: Clock): Promise<void> {
  if (env.DOSSIER_SEED !== 'demo' || env.NODE_ENV === 'production') return;
  // Loaded only when wanted: a production server never loads faker and the demo vocabulary.
  const { seedDemoCompany } = await import('./demo-company.js');
  const started = Date.now();
  const rows = await seedDemoCompany(orm.em.fork(), clock);
  if (rows) log.info({ rows, ms: Date.now() - started }, DEMO_READY);
  else log.debug('the database has staff already: no demo company seeded');
}
