import { createHash } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { hashOf, LIVE_SESSION_STAFF, staffForToken } from '../../modules/auth/session.store.js';
import { Staff } from '../../modules/staff/staff.entity.js';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';

/** The table of the counters (migration `rate_limit`), shared by every instance on the database. */
const TABLE = 'rate_limit';
/** rate-limiter-flexible stores a key as `<keyPrefix>:<key>`. */
const KEY_PREFIX = 'graphql';

export const RATE_LIMITED = 'RATE_LIMITED';

/** Who a request counts against: its token when it signed someone in, else its address. */
export type RateLimitKey = { token: string } | { address: string };

export interface RateLimit {
  /** Counts one request; throws RATE_LIMITED (status 429, `Retry-After`) when the window is used up. */
  consume(key: RateLimitKey): Promise<void>;
  /**
   * The staff member session `token` signs in (null when none), the request counted as consume counts it
   * (against the token when it signs someone in, else against `address`), in one statement.
   */
  countedSession(em: EntityManager, token: string, address: string): Promise<Staff | null>;
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
 * rate-limiter-flexible's upsert of one point (RateLimiterPostgres._upsert: a new window when the row's has
 * ended), behind the session lookup: the row is the token's when the session is live, else the address's.
 * Parameters: the token's hash, the token's and the address's keys, the new window's end, now (twice).
 */
const SESSION_COUNTED = `with viewer as (${LIVE_SESSION_STAFF}),
  counted as (
    insert into ${TABLE} (key, points, expire)
    select case when exists (select from viewer) then ? else ? end, 1, ?
    on conflict (key) do update set
      points = case when ${TABLE}.expire <= ? then 1 else ${TABLE}.points + 1 end,
      expire = case when ${TABLE}.expire <= ? then excluded.expire else ${TABLE}.expire end
    returning points, expire)
  select viewer.*, counted.points as rate_points, counted.expire as rate_expire
  from counted left join viewer on true`;

/**
 * A fixed window per key, counted by rate-limiter-flexible in PostgreSQL (one upsert per request through
 * the ORM's pool), so several server instances on one database share each limit. A session token's request
 * is signed in and counted by one statement in the same rows and windows (SESSION_COUNTED): the session
 * lookup and the upsert would be two round trips on every request. Should the count itself fail, the
 * request goes on: the limit guards the database, which then answers for itself.
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
    keyPrefix: KEY_PREFIX,
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
    async countedSession(em, token, address) {
      const now = Date.now();
      const windowEnd = now + env.DOSSIER_RATE_LIMIT_WINDOW_SECONDS * 1000;
      const keys = [{ token }, { address }].map((key) => `${KEY_PREFIX}:${keyOf(key)}`);
      let row: (Record<string, unknown> & { rate_points: number; rate_expire: string }) | undefined;
      try {
        [row] = await em.execute(SESSION_COUNTED, [hashOf(token), ...keys, windowEnd, now, now]);
      } catch (error) {
        log.warn({ err: error }, 'rate limit not counted');
        return staffForToken(em, token);
      }
      if (!row) throw new Error('the rate limit counter answered no row');
      const { rate_points: points, rate_expire: expire, ...staff } = row;
      if (points > env.DOSSIER_RATE_LIMIT) {
        const retryAfter = Math.max(1, Math.ceil((Number(expire) - Date.now()) / 1000));
        throw rateLimited(env.DOSSIER_RATE_LIMIT, env.DOSSIER_RATE_LIMIT_WINDOW_SECONDS, retryAfter);
      }
      return staff.id ? em.map(Staff, staff) : null;
    },
  };
}
