import pg from 'pg';
import { StartupProblem } from './startup-problem.js';

/** PostgreSQL majors Dossier runs on: 15 for `nulls not distinct` (the first migration), 18 the newest tried. */
export const SUPPORTED_POSTGRES = { oldest: 15, newest: 18 } as const;

export interface DatabaseFacts {
  /** server_version_num, e.g. 180004 for 18.4. */
  versionNum: number;
  user: string;
  database: string;
  /** May the user create tables in the public schema (apply migrations)? */
  mayCreate: boolean;
  /** Whether the migrations table exists: false on a database Dossier never started on. */
  migrated: boolean;
}

/** Host, port and database of a URL, never its password. */
export function describeDatabase(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}/${decodeURIComponent(parsed.pathname.slice(1)) || 'postgres'}`;
}

/** A failed connection in one sentence with what to do; errors it does not know are passed on. */
export function connectionProblem(error: unknown, url: string): unknown {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const where = describeDatabase(url);
  const user = decodeURIComponent(new URL(url).username) || 'the user';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH')
    return new StartupProblem(
      `The database at ${where} cannot be reached (${code}): start PostgreSQL there, or correct the host and port in DATABASE_URL.`,
    );
  if (message?.includes('timeout') || code === 'ETIMEDOUT')
    return new StartupProblem(
      `The database at ${where} did not answer within DOSSIER_DB_CONNECT_TIMEOUT_MS: check that the host is right and that no firewall drops the connection.`,
    );
  if (code === '28P01' || code === '28000')
    return new StartupProblem(
      `The database at ${where} refused the credentials of ${user}: correct the user name and password in DATABASE_URL.`,
    );
  if (code === '3D000')
    return new StartupProblem(
      `The database at ${where} does not exist: create it (createdb) or correct its name in DATABASE_URL.`,
    );
  return error;
}

/** The server's version against SUPPORTED_POSTGRES, in one sentence when outside it. */
export function versionProblem(versionNum: number, where: string): StartupProblem | null {
  const major = Math.floor(versionNum / 10_000);
  if (major < SUPPORTED_POSTGRES.oldest)
    return new StartupProblem(
      `The database at ${where} runs PostgreSQL ${major}, older than the ${SUPPORTED_POSTGRES.oldest} Dossier needs: upgrade it, or unset DATABASE_URL to use the embedded PostgreSQL.`,
    );
  if (major > SUPPORTED_POSTGRES.newest)
    return new StartupProblem(
      `The database at ${where} runs PostgreSQL ${major}, newer than the ${SUPPORTED_POSTGRES.newest} this Dossier was tested with: upgrade Dossier, or use PostgreSQL ${SUPPORTED_POSTGRES.oldest} to ${SUPPORTED_POSTGRES.newest}.`,
    );
  return null;
}

/** Connects once, before any data is written, and reads what the start-up checks need. */
export async function databaseFacts(url: string, connectTimeoutMs: number): Promise<DatabaseFacts> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionProblem(error, url);
  }
  try {
    const { rows } = await client.query<{
      version_num: number;
      user: string;
      database: string;
      may_create: boolean;
      migrated: boolean;
    }>(
      `select current_setting('server_version_num')::int as version_num, current_user as user,
              current_database() as database, has_schema_privilege('public', 'CREATE') as may_create,
              to_regclass('public.mikro_orm_migrations') is not null as migrated`,
    );
    const row = rows[0];
    if (!row) throw new Error('the database answered no row');
    return {
      versionNum: row.version_num,
      user: row.user,
      database: row.database,
      mayCreate: row.may_create,
      migrated: row.migrated,
    };
  } finally {
    await client.end();
  }
}

/** Migrations pending on a user that may not apply them, in one sentence. */
export function readOnlyProblem(
  facts: Pick<DatabaseFacts, 'mayCreate' | 'user'>,
  pending: number | 'all',
  where: string,
): StartupProblem | null {
  if (pending === 0 || facts.mayCreate) return null;
  const what =
    pending === 'all'
      ? 'The database schema has not been created yet'
      : `${pending} database migration${pending === 1 ? ' is' : 's are'} pending`;
  return new StartupProblem(
    `${what} and the user ${facts.user} may not change the schema of ${where}: run \`pnpm db:migrate\` once with the schema owner's DATABASE_URL, then start again.`,
  );
}

/**
 * A schema migrated by a newer Dossier than this one, in one sentence: this release's code would run on
 * tables it does not know (a rollback without the restore docs/production.md describes).
 */
export function newerSchemaProblem(unknown: readonly string[], where: string): StartupProblem | null {
  const newest = [...unknown].sort().at(-1);
  if (!newest) return null;
  return new StartupProblem(
    `The database at ${where} was migrated by a newer Dossier (its migration ${newest} is unknown to this release): run that release again, or restore the backup taken before the upgrade (docs/production.md).`,
  );
}
