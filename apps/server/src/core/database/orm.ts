import { fileURLToPath } from 'node:url';
import type { RiskThresholds } from '@dossier/domain';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { HistorySubscriber } from '../../modules/history/history.subscriber.js';
import { RiskSubscriber } from '../../modules/risk/risk.subscriber.js';
import { entities } from './entities.js';

/** Source (.ts) under swc-node and vitest, compiled (.js) under dist: the same relative folder. */
const migrationsDir = fileURLToPath(new URL('../../migrations', import.meta.url));

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
    pool: { min: 0, max: 10 },
    ...overrides,
  });
}
