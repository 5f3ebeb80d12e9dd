import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Tables that reads rebuild on their own: the analytics caches (ABC grades, day revenue, risk assessments
 * and their refresh marks, analytics snapshots) are recomputed when a query finds them stale, so they may
 * change between two checksums with no write at all. Every other table must be untouched by a refused write.
 */
const REBUILT_BY_READS = new Set<string>();

export type Checksums = Record<string, string>;

/** An md5 of every table's rows, in one statement; cheap on the fuzz test's small dataset. */
export async function checksummer(orm: MikroORM): Promise<() => Promise<Checksums>> {
  const connection = orm.em.getConnection();
  const tables = (
    await connection.execute<Array<{ name: string }>>(
      `select table_name as name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
    )
  )
    .map((row) => row.name)
    .filter((name) => !REBUILT_BY_READS.has(name));
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
