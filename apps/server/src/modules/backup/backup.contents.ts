import type pg from 'pg';

/**
 * What a backup holds and what a restore is checked against, read with the same queries on both sides.
 * The migrations' own table is left out: the schema version stands for it, and a restore re-creates it by
 * migrating the target to that version.
 */
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function tableNames(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select tablename as name from pg_tables
      where schemaname = 'public' and tablename <> 'mikro_orm_migrations' order by tablename`,
  );
  return rows.map((row) => row.name);
}

/** Row count and an order-independent checksum of a table's contents. */
export async function tableChecksum(client: pg.ClientBase, table: string) {
  const { rows } = await client.query<{ rows: string; checksum: string }>(
    `select count(*) as rows, md5(coalesce(string_agg(h, '' order by h), '')) as checksum
       from (select md5(t::text) as h from ${quoteIdent(table)} t) rows`,
  );
  const [row] = rows;
  return { rows: Number(row?.rows), checksum: row?.checksum ?? '' };
}

export async function sequenceValues(client: pg.ClientBase) {
  const { rows } = await client.query<{ name: string }>(
    `select sequencename as name from pg_sequences where schemaname = 'public' order by sequencename`,
  );
  const values: { name: string; value: string; isCalled: boolean }[] = [];
  for (const { name } of rows) {
    const state = await client.query<{ value: string; isCalled: boolean }>(
      `select last_value::text as value, is_called as "isCalled" from ${quoteIdent(name)}`,
    );
    values.push({ name, ...(state.rows[0] as { value: string; isCalled: boolean }) });
  }
  return values;
}

/** Every stored document's SHA-256, hashed from its bytes by PostgreSQL. */
export async function documentHashes(client: pg.ClientBase) {
  const { rows } = await client.query<{ id: string; sha256: string }>(
    `select document_id as id, encode(sha256(bytes), 'hex') as sha256 from document_content order by document_id`,
  );
  return rows;
}

export async function schemaVersion(client: pg.ClientBase): Promise<string | null> {
  const exists = await client.query(`select to_regclass('public.mikro_orm_migrations') is not null as ok`);
  if (!exists.rows[0]?.ok) return null;
  const { rows } = await client.query<{ name: string }>(
    'select name from mikro_orm_migrations order by id desc limit 1',
  );
  return rows[0]?.name ?? null;
}
