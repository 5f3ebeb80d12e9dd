import { GraphQLError } from 'graphql';

/** The error codes the API promises; clients switch on `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'VERSION_CONFLICT'
  | 'TOO_MANY_ATTEMPTS';

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

/** Sign-in locked for a while after too many failures; `retryAfterSeconds` says when to try again. */
export const tooManyAttempts = (retryAfterSeconds: number) =>
  apiError(
    'TOO_MANY_ATTEMPTS',
    `Too many failed sign-ins: try again in ${Math.ceil(retryAfterSeconds / 60)} min`,
    {
      retryAfterSeconds,
    },
  );
