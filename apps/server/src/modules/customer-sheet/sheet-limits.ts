import { SHEET_LIMITS } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { tooManyAttempts } from '../../core/errors.js';

/**
 * The public sheet's own limit per client address, on top of the API's: the same rate-limiter-flexible
 * counter in the same PostgreSQL table (`rate_limit`, under its own key prefix), so every server instance on
 * the database shares it, and a token cannot be guessed at more than SHEET_LIMITS allows. One limiter per
 * connection pool; the API's limiter already clears the table's expired rows.
 */
const limiters = new WeakMap<Knex, RateLimiterPostgres>();

function limiterOf(knex: Knex): RateLimiterPostgres {
  let limiter = limiters.get(knex);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: knex,
      storeType: 'knex',
      tableName: 'rate_limit',
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: 'sheet',
      points: SHEET_LIMITS.perAddress,
      duration: SHEET_LIMITS.windowMinutes * 60,
    });
    limiters.set(knex, limiter);
  }
  return limiter;
}

/** Counts one request on the sheet from `address`; over the limit TOO_MANY_ATTEMPTS, before any lookup. */
export async function countSheetRequest(em: EntityManager, address: string): Promise<void> {
  try {
    await limiterOf(em.getKnex()).consume(`address:${address}`);
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) {
      throw tooManyAttempts(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)), 'requests for this sheet');
    }
    throw refusal;
  }
}
