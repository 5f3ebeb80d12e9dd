import type { MikroORM } from '@mikro-orm/postgresql';

export type Checksums = Record<string, string>;

/**
 * An md5 of every table's rows, in one statement; cheap on the fuzz test's small dataset. No table but the
 * rate limit's request counters (every request, refused or not, counts) is left out: no read writes (sessions keep no last-seen time; the analytics snapshots change with writes, and by
 * the hourly schedule, whose start-up run the test makes idle), so any change around a refused write is
 * the write's.
 */
export async function checksummer(orm: MikroORM): Promise<() => Promise<Checksums>> {
  const connection = orm.em.getConnection();
  const tables = (
    await connection.execute<Array<{ name: string }>>(
      `select table_name as name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'rate_limit'
       order by table_name`,
    )
  ).map((row) => row.name);
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
