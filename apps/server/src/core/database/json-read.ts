import type { EntityManager, Knex } from '@mikro-orm/postgresql';

type Row = Record<string, unknown>;

/**
 * Several reads in one statement: each part's rows come back as one JSON array (`json_agg` of the part's
 * rows, keyed by the part's column names), so `readCopy` makes of each JSON row the copy it makes of the
 * row a plain read returns. One round trip and one JSON text per part instead of a statement each, with
 * parameters inlined and rows parsed column by column. JSON carries the column types these reads hold
 * (uuid, text, integers, booleans, enums, timestamptz as ISO text that readCopy turns into a Date); a
 * numeric column would come back a number, not a Decimal string: read such tables the plain way.
 *
 * The rows of each part keep the part's ORDER BY: the aggregate reads a sorted subquery, with nothing
 * between the sort and the aggregate to reorder it.
 */
export async function readJsonParts<K extends string>(
  em: EntityManager,
  parts: Record<K, Knex.QueryBuilder>,
): Promise<Record<K, Row[]>> {
  const [row] = await em.execute<Array<Record<K, Row[]>>>(jsonPartsQuery(em, parts));
  return row as Record<K, Row[]>;
}

/** readJsonParts' statement, for a caller that prepares it (read-model.ts `preparedRead`). */
export function jsonPartsQuery(em: EntityManager, parts: Record<string, Knex.QueryBuilder>) {
  const knex = em.getKnex();
  return knex.select(
    Object.entries(parts).map(([name, part]) =>
      knex.raw(`(select coalesce(json_agg(part), '[]'::json) from ? as part) as ??`, [part, name]),
    ),
  );
}
