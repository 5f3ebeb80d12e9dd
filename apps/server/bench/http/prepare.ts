import type { Env } from '../../src/core/env.js';
import { withBench } from '../database.js';
import { loadBenchData } from '../load.js';
import { refreshSnapshots } from '../refresh.js';
import { phase } from '../report.js';
import { benchFixtures, type Fixtures } from './fixtures.js';

/**
 * Loads `customers` customers of bench data (bench:data's loader, three orders and ten order lines each)
 * unless the database holds bench data of that size already, or `reload`; then the scenarios' fixtures.
 */
export async function prepareBenchData(
  url: string,
  env: Env,
  customers: number,
  reload = false,
): Promise<Fixtures> {
  let fixtures: Fixtures | undefined;
  await withBench(url, env, async (bench) => {
    const [held] = await bench.pool
      .query<{ customers: number; persons: boolean }>(
        `select (select count(*) from customer)::int as customers, exists (select from key_person) as persons`,
      )
      .then((r) => r.rows);
    if (reload || held?.customers !== customers || !held.persons) {
      const size = { customers, orders: customers * 3, lines: customers * 10, today: bench.clock.today() };
      console.log(`loading ${size.customers} customers, ${size.orders} orders, ${size.lines} order lines`);
      await loadBenchData(bench.pool, size, phase);
      await refreshSnapshots(bench);
    }
    fixtures = await benchFixtures(bench.orm.em.fork());
  });
  if (!fixtures) throw new Error('no fixtures');
  return fixtures;
}

/** Our server as the bench runs it: production, no demo data, limits that a load run would trip. */
export const dossierServerEnv = (databaseUrl: string): Record<string, string> => ({
  DATABASE_URL: databaseUrl,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  DOSSIER_SEED: 'none',
  // The bench signs in once and sends every request with that session: the product's limit per token
  // (1,200 a minute) would refuse the run after a few seconds.
  DOSSIER_RATE_LIMIT: '100000000',
  // The dossier list of 200 (statementsByPageSize) costs more than the default limit lets one request ask;
  // the scenarios' documents stay within it.
  DOSSIER_MAX_COST: '1000000',
});
