import { readdir } from 'node:fs/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Env } from '../env.js';
import {
  databaseFacts,
  describeDatabase,
  newerSchemaProblem,
  readOnlyProblem,
  versionProblem,
} from './database-checks.js';

export interface CheckedDatabase {
  /**
   * Before migrating: a schema a newer Dossier migrated, or pending migrations on a user that may not
   * apply them, stop the start.
   */
  assertMayMigrate(orm: MikroORM): Promise<void>;
}

/** The migrations this release ships: the files of its migrations folder (.ts from source, .js built). */
async function shippedMigrations(orm: MikroORM): Promise<Set<string>> {
  const folder = orm.config.get('migrations').path as string;
  const files = await readdir(folder);
  return new Set(
    files
      .filter((file) => /^Migration.*\.[jt]s$/.test(file) && !file.endsWith('.d.ts'))
      .map((file) => file.slice(0, -3)),
  );
}

/** Migrations recorded as applied that this release does not ship. */
async function unknownMigrations(orm: MikroORM): Promise<string[]> {
  const shipped = await shippedMigrations(orm);
  const applied = await orm.migrator.getExecutedMigrations();
  return applied
    .map((migration) => migration.name.replace(/\.[jt]s$/, ''))
    .filter((name) => !shipped.has(name));
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
      if (facts.migrated) {
        const newer = newerSchemaProblem(await unknownMigrations(orm), where);
        if (newer) throw newer;
      }
      if (facts.mayCreate) return;
      // Without the migrations table (a database Dossier never ran on) the migrator would try to create
      // it: every migration is pending, and there is nothing to ask.
      const pending = facts.migrated ? (await orm.migrator.getPendingMigrations()).length : 'all';
      const problem = readOnlyProblem(facts, pending, where);
      if (problem) throw problem;
    },
  };
}
