import type { EntityManager } from '@mikro-orm/postgresql';
import { readCopy } from '../../core/database/read-model.js';
import { Competitor } from './competitor.entity.js';

/** The company-wide list by name (case-insensitive, as its uniqueness), active ones only unless asked. */
export async function competitorList(em: EntityManager, includeInactive: boolean): Promise<Competitor[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select * from competitor ${includeInactive ? '' : 'where active'} order by lower(name), id`,
  );
  return rows.map((row) => readCopy(em, Competitor, row));
}
