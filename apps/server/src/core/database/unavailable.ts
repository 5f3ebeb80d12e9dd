import { GraphQLError } from 'graphql';

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/** Seconds a client is asked to wait before trying again: PostgreSQL restarts in a few. */
const RETRY_AFTER_SECONDS = 5;

export const UNAVAILABLE_MESSAGE =
  'The database is unavailable: try again shortly. A change sent just now may or may not have been saved: ' +
  'reload before repeating it';

/**
 * Socket errors of node-postgres, and PostgreSQL's own refusals while it stops or starts: admin_shutdown
 * (57P01, a fast stop ends every session), crash_shutdown (57P02), cannot_connect_now (57P03, "the database
 * system is starting up / shutting down"), and SQLSTATE class 08 (connection exceptions).
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
]);

/** What node-postgres and knex (tarn's pool) throw without a code when a connection is lost or none comes. */
const CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /Client has encountered a connection error and is not queryable/,
  /^Timeout acquiring a connection/,
  /Client was closed and is not queryable/,
  // knex refusing the next query of a transaction that its lost connection already ended (seen when
  // PostgreSQL stopped in the middle of a write's transaction).
  /^Transaction query already complete/,
];

function isConnectionFailure(error: object): boolean {
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  if (name === 'KnexTimeoutError') return true;
  return typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message));
}

/**
 * True when `error` (or an error it wraps: MikroORM's exceptions copy the driver's code, GraphQL's keep the
 * original, AggregateError holds the attempts of a refused connection) says PostgreSQL could not be reached
 * or went away mid-request. Such a request did not fail for its own reasons: it may succeed in a moment.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  if (isConnectionFailure(error)) return true;
  const { cause, originalError, errors } = error as {
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
  };
  return (
    isDatabaseUnavailable(cause, depth + 1) ||
    isDatabaseUnavailable(originalError, depth + 1) ||
    (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
  );
}

/** The HTTP head of an unavailable answer: 503 and when to try again. */
export const unavailableHttp = () => ({
  status: 503,
  headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]),
});

/** The GraphQL error of a request that could not reach PostgreSQL (HTTP 503 through Apollo's `http` extension). */
export const serviceUnavailable = () =>
  new GraphQLError(UNAVAILABLE_MESSAGE, {
    extensions: { code: SERVICE_UNAVAILABLE, http: unavailableHttp() },
  });
