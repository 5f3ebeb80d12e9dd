import type { MikroORM } from '@mikro-orm/postgresql';
import type { Env } from '../env.js';
import { databaseFacts, describeDatabase, readOnlyProblem, versionProblem } from './database-checks.js';

export interface CheckedDatabase {
  /** Before migrating: pending migrations on a user that may not apply them stop the start. */
  assertMayMigrate(orm: MikroORM): Promise<void>;
}

/**
 * The start's database checks, before anything is written: reachable, the credentials taken, a
 * supported PostgreSQL. Each failure is a StartupProblem of one sentence.
 */
export async function checkDatabase(
  url: string,
  env: Pick<Env, 'DOSSIER_DB_CONNECT_TIMEOUT_MS'>,
): Promise<CheckedDatabase> {
  const where = describeDatabase(url);
  const facts = await databaseFacts(url, env.DOSSIER_DB_CONNECT_TIMEOUT_MS);
  const version = versionProblem(facts.versionNum, where);
  if (version) throw version;
  return {
    async assertMayMigrate(orm) {
      if (facts.mayCreate) return;
      // Without the migrations table (a database Dossier never ran on) the migrator would try to create
      // it: every migration is pending, and there is nothing to ask.
      const pending = facts.migrated ? (await orm.migrator.getPendingMigrations()).length : 'all';
      const problem = readOnlyProblem(facts, pending, where);
      if (problem) throw problem;
    },
  };
}
