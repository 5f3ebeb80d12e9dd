import { COMPLETENESS_SECTION_OF, type CompletenessCode } from '@dossier/domain';
import DataLoader from 'dataloader';
import { currentClock } from '../../core/clock/current-clock.js';
import { unauthenticated } from '../../core/errors.js';
import type { LoaderFactory } from '../../core/loaders.js';
import { thresholdsOf } from '../risk/risk.refresh.js';
import { joinCompleteness, MISSING_SQL, SCORE_SQL } from './completeness.sql.js';
import type { Completeness } from './completeness.types.js';

/**
 * Customer.completeness: one statement per batch of customers the viewer has already been shown (their
 * visibility was checked when they were loaded), on the business calendar of the current clock (the resolver
 * runs it on the request's).
 */
export const completenessOf: LoaderFactory<DataLoader<string, Completeness>> = (em, viewer) =>
  new DataLoader(async (ids) => {
    if (!viewer) return ids.map(() => unauthenticated());
    const knex = em.getKnex();
    const query = joinCompleteness(
      knex.queryBuilder().from('customer as c'),
      currentClock(),
      thresholdsOf(em).reviewIntervalDays,
    )
      .select('c.id', knex.raw(`${SCORE_SQL} as score`), knex.raw(`${MISSING_SQL} as missing`))
      // The ids come from loaded customers, never from a request; as an array literal they are one parameter.
      .whereRaw('c.id = any(?::uuid[])', [`{${ids.join(',')}}`]);
    const rows = await em.execute<Array<{ id: string; score: number; missing: CompletenessCode[] }>>(query);
    const byId = new Map(
      rows.map((row) => [
        row.id,
        {
          score: row.score,
          missing: row.missing.map((code) => ({ code, section: COMPLETENESS_SECTION_OF[code] })),
        },
      ]),
    );
    return ids.map((id) => byId.get(id) ?? new Error(`customer ${id} is not visible`));
  });
