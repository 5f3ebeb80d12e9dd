import type { MikroORM } from '@mikro-orm/postgresql';

export type Checksums = Record<string, string>;

/**
 * Where a refused request is recorded on purpose: a failed sign-in counts towards the lockout and is written
 * to the audit log, and every request, refused or not, counts towards the rate limit. Every other path that
 * writes these also changes a table below.
 */
const SECURITY_RECORDS = new Set(['audit_log', 'login_failure', 'rate_limit']);

/**
 * An md5 of every table's rows, in one statement; cheap on the fuzz test's small dataset. No other table is
 * left out: no read writes (sessions keep no last-seen time; the analytics snapshots change with writes, and
 * by the hourly schedule, whose start-up run the test makes idle), so any change around a refused write is
 * the write's.
 */
export async function checksummer(orm: MikroORM): Promise<() => Promise<Checksums>> {
  const connection = orm.em.getConnection();
  const tables = (
    await connection.execute<Array<{ name: string }>>(
      `select table_name as name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
    )
  )
    .map((row) => row.name)
    .filter((name) => !SECURITY_RECORDS.has(name));
  const sql = `select ${tables
    .map(
      (table) =>
        `(select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) from "${table}" t) as "${table}"`,
    )
    .join(', ')}`;
  return async () => (await connection.execute<Checksums[]>(sql))[0] ?? {};
}

/** The tables whose checksum differs. */
export function changedTables(before: Checksums, after: Checksums): string[] {
  return Object.keys(before).filter((table) => before[table] !== after[table]);
}
