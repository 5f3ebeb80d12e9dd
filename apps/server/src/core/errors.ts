import { GraphQLError } from 'graphql';

/** The error codes the API promises; clients switch on `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'VERSION_CONFLICT'
  | 'TOO_MANY_ATTEMPTS'
  | 'LINK_EXPIRED'
  | 'LINK_USED'
  | 'LINK_REVOKED';

function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const badInput = (field: string, problem: string) =>
  apiError('BAD_USER_INPUT', `${field} ${problem}`, { field });

/** Bad input no single field can be blamed for, e.g. a clash with stored data the server cannot place. */
export const badRequest = (message: string) => apiError('BAD_USER_INPUT', message);

export const notFound = (type: string, id: string, field?: string) =>
  apiError('NOT_FOUND', `${type} ${id} does not exist`, field ? { id, field } : { id });

export const forbidden = (message = 'You are not allowed to do this') => apiError('FORBIDDEN', message);

export const unauthenticated = (message = 'Sign in first') => apiError('UNAUTHENTICATED', message);

export const versionConflict = (type: string, currentVersion: number) =>
  apiError('VERSION_CONFLICT', `${type} was changed by someone else; reload and try again`, {
    currentVersion,
  });

/**
 * Sign-in (or the customer's sheet) locked for a while after too many attempts; `retryAfterSeconds` says
 * when to try again.
 */
export const tooManyAttempts = (retryAfterSeconds: number, what = 'failed sign-ins') =>
  apiError('TOO_MANY_ATTEMPTS', `Too many ${what}: try again in ${Math.ceil(retryAfterSeconds / 60)} min`, {
    retryAfterSeconds,
  });

/** A customer sheet link that exists but no longer opens: past its expiry, submitted already, or revoked. */
export const linkClosed = (code: 'LINK_EXPIRED' | 'LINK_USED' | 'LINK_REVOKED') =>
  apiError(
    code,
    {
      LINK_EXPIRED: 'This link has expired; ask your contact for a new one',
      LINK_USED: 'This sheet was submitted already; the link cannot be used again',
      LINK_REVOKED: 'This link was withdrawn; ask your contact for a new one',
    }[code],
  );
