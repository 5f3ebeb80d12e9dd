import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';

/** The table of the counters (migration `rate_limit`), shared by every instance on the database. */
const TABLE = 'rate_limit';

export const RATE_LIMITED = 'RATE_LIMITED';

/** Who a request counts against: its token when it signed someone in, else its address. */
export type RateLimitKey = { token: string } | { address: string };

export interface RateLimit {
  /** Counts one request; throws RATE_LIMITED (status 429, `Retry-After`) when the window is used up. */
  consume(key: RateLimitKey): Promise<void>;
}

/** Tokens are counted by hash: the table, like the sessions', never holds one that would sign in. */
const keyOf = (key: RateLimitKey) =>
  'token' in key
    ? `token:${createHash('sha256').update(key.token, 'utf8').digest('hex')}`
    : `address:${key.address}`;

function rateLimited(limit: number, windowSeconds: number, retryAfter: number): GraphQLError {
  return new GraphQLError(
    `Too many requests: ${limit} per ${windowSeconds} s are allowed; try again in ${retryAfter} s`,
    {
      extensions: {
        code: RATE_LIMITED,
        limit,
        retryAfter,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
      },
    },
  );
}

/**
 * A fixed window per key, counted by rate-limiter-flexible in PostgreSQL (one upsert per request through
 * the ORM's pool), so several server instances on one database share each limit. Should the count itself
 * fail, the request goes on: the limit guards the database, which then answers for itself.
 */
export function postgresRateLimit(
  orm: MikroORM,
  env: Pick<Env, 'DOSSIER_RATE_LIMIT' | 'DOSSIER_RATE_LIMIT_WINDOW_SECONDS'>,
  log: Logger,
): RateLimit {
  const limiter = new RateLimiterPostgres({
    storeClient: orm.em.getKnex(),
    storeType: 'knex',
    tableName: TABLE,
    tableCreated: true,
    keyPrefix: 'graphql',
    points: env.DOSSIER_RATE_LIMIT,
    duration: env.DOSSIER_RATE_LIMIT_WINDOW_SECONDS,
  });
  return {
    async consume(key) {
      try {
        await limiter.consume(keyOf(key));
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) {
          const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
          throw rateLimited(env.DOSSIER_RATE_LIMIT, env.DOSSIER_RATE_LIMIT_WINDOW_SECONDS, retryAfter);
        }
        log.warn({ err: refusal }, 'rate limit not counted');
      }
    },
  };
}
