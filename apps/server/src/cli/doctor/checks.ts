import { statfs } from 'node:fs/promises';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Env } from '../../core/env.js';
import {
  type DatabaseFacts,
  databaseFacts,
  describeDatabase,
  versionProblem,
} from '../../core/startup/database-checks.js';
import { backupAgeSeconds, lastVerifiedBackup } from '../../modules/backup/backup.status.js';

export type Status = 'OK' | 'WARN' | 'FAIL';

export interface Finding {
  check: string;
  status: Status;
  /** What was found, short. */
  found: string;
  /** What to do about it; empty when OK. */
  todo?: string;
}

const ok = (check: string, found: string): Finding => ({ check, status: 'OK', found });

/** A StartupProblem's sentence split into what is wrong and what to do (they are joined by ": "). */
export function fromSentence(check: string, status: Status, sentence: string): Finding {
  const at = sentence.indexOf(': ');
  return at < 0
    ? { check, status, found: sentence }
    : { check, status, found: sentence.slice(0, at), todo: sentence.slice(at + 2) };
}

/** The database reachable with these credentials, and of a supported version; its facts when so. */
export async function checkDatabaseReachable(
  url: string,
  env: Env,
): Promise<{ finding: Finding; facts: DatabaseFacts | null }> {
  const where = describeDatabase(url);
  try {
    const facts = await databaseFacts(url, env.DOSSIER_DB_CONNECT_TIMEOUT_MS);
    const version = versionProblem(facts.versionNum, where);
    const major = Math.floor(facts.versionNum / 10_000);
    const minor = facts.versionNum % 10_000;
    const finding = version
      ? fromSentence('database', 'FAIL', version.message)
      : ok('database', `PostgreSQL ${major}.${minor} at ${where} as ${facts.user}`);
    return { finding, facts };
  } catch (error) {
    return { finding: fromSentence('database', 'FAIL', (error as Error).message), facts: null };
  }
}

export async function checkMigrations(orm: MikroORM, facts: DatabaseFacts): Promise<Finding> {
  if (!facts.migrated) {
    return facts.mayCreate
      ? {
          check: 'migrations',
          status: 'WARN',
          found: 'the database is empty',
          todo: 'the first start creates the schema (and, outside production, the demo company)',
        }
      : {
          check: 'migrations',
          status: 'FAIL',
          found: `the database is empty and ${facts.user} may not create tables`,
          todo: "run `pnpm db:migrate` once with the schema owner's DATABASE_URL",
        };
  }
  const pending = (await orm.migrator.getPendingMigrations()).map((migration) => migration.name);
  if (pending.length === 0) return ok('migrations', 'all applied');
  const found = `${pending.length} pending: ${pending.join(', ')}`;
  return facts.mayCreate
    ? { check: 'migrations', status: 'WARN', found, todo: 'the next start applies them; take a backup first' }
    : {
        check: 'migrations',
        status: 'FAIL',
        found: `${found}, and ${facts.user} may not change the schema`,
        todo: "run `pnpm db:migrate` with the schema owner's DATABASE_URL",
      };
}

const DAY = 24 * 60 * 60;

/** A nightly schedule leaves a backup at most a day old: a little more is late, a week is a gap. */
export async function checkBackup(orm: MikroORM, env: Env, now: Date): Promise<Finding> {
  const backup = await lastVerifiedBackup(orm.em.fork());
  const age = backupAgeSeconds(backup, now);
  const schedule = env.DOSSIER_BACKUP_CRON
    ? 'check the server log for the scheduled backup'
    : 'set DOSSIER_BACKUP_CRON (e.g. "0 2 * * *"), see docs/backup.md';
  if (!backup || age === null)
    return { check: 'backup', status: 'WARN', found: 'no verified backup yet', todo: schedule };
  const found = `last verified backup ${(age / 3600).toFixed(1)} hours ago (${path.basename(backup.file)})`;
  if (age <= 1.1 * DAY) return ok('backup', found);
  return { check: 'backup', status: age <= 7 * DAY ? 'WARN' : 'FAIL', found, todo: schedule };
}

const GIB = 1024 ** 3;

/** Free space where PostgreSQL (embedded) and the backups write. */
export async function checkDisk(label: string, folder: string): Promise<Finding> {
  const check = `disk (${label})`;
  let dir = path.resolve(folder);
  // Before the first start the folder does not exist yet: its nearest existing parent's disk counts.
  for (;;) {
    try {
      const stats = await statfs(dir);
      const free = stats.bavail * stats.bsize;
      const found = `${(free / GIB).toFixed(1)} GiB free in ${folder}`;
      if (free >= 5 * GIB) return ok(check, found);
      return {
        check,
        status: free >= GIB ? 'WARN' : 'FAIL',
        found,
        todo: 'free space or move the folder to a larger disk (backups need about the database size each)',
      };
    } catch (error) {
      const parent = path.dirname(dir);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === dir)
        return {
          check,
          status: 'FAIL',
          found: `${folder} cannot be read`,
          todo: 'check the path and its rights',
        };
      dir = parent;
    }
  }
}

/** This machine's clock against the database's, and the business calendar's zone. */
export async function checkClock(orm: MikroORM, env: Env, now: () => Date): Promise<Finding> {
  const before = now().getTime();
  const [row] = await orm.em
    .fork()
    .getConnection()
    .execute<Array<{ at: Date }>>('select clock_timestamp() as at');
  const after = now().getTime();
  const skewSeconds = Math.abs(new Date(row?.at ?? 0).getTime() - (before + after) / 2) / 1000;
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone: env.DOSSIER_TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(after));
  const found = `${local} in ${env.DOSSIER_TIME_ZONE}; clock ${skewSeconds.toFixed(1)} s from the database's`;
  if (skewSeconds <= 5) return ok('clock', found);
  return {
    check: 'clock',
    status: skewSeconds <= 60 ? 'WARN' : 'FAIL',
    found,
    todo: 'synchronise both machines with NTP (timedatectl set-ntp true): due dates and sessions depend on it',
  };
}

/** The cookie's Secure flag follows the public URL's scheme (core/http/graphql-context.ts). */
export function checkPublicUrl(env: Env): Finding {
  const url = env.DOSSIER_PUBLIC_URL;
  if (url?.protocol === 'https:') return ok('public URL', `${url.href}: session cookie Secure, HSTS on`);
  const production = env.NODE_ENV === 'production';
  const found = url
    ? `${url.href} is plain http: the session cookie travels without Secure`
    : 'DOSSIER_PUBLIC_URL is not set: the cookie is Secure only on requests that arrive over TLS';
  return {
    check: 'public URL',
    status: production ? 'WARN' : 'OK',
    found,
    todo: production
      ? 'put a TLS proxy in front (docs/production.md) and set DOSSIER_PUBLIC_URL=https://…'
      : undefined,
  };
}
