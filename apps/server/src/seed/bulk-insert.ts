import type { EntityManager } from '@mikro-orm/postgresql';

/** A row as the table has it: snake_case column names, as in the migrations. */
export type Row = Record<string, string | number | boolean | Date | Buffer | null>;

/** Rows per INSERT: well below PostgreSQL's 65,535 bind parameters for any of our tables. */
const CHUNK = 1000;

/**
 * Multi-row INSERTs straight into a table, in the caller's transaction. Bulk data (the demo company, test
 * books) skips the unit of work: no entity instances, no change sets, no history rows.
 */
export async function insertRows(em: EntityManager, table: string, rows: readonly Row[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await em.execute(
      em
        .getKnex()
        .insert(rows.slice(start, start + CHUNK))
        .into(table),
    );
  }
}
