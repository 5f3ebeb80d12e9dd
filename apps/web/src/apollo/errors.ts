import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';

/** The `extensions.code` values the Dossier API promises, in the order we report them. */
export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'TOO_MANY_ATTEMPTS',
  'RATE_LIMITED',
  'TIMEOUT',
  'QUERY_TOO_COMPLEX',
  'BAD_USER_INPUT',
] as const;

export type ErrorCode = (typeof API_ERROR_CODES)[number] | 'UNREACHABLE' | 'UNKNOWN';

/** Reduces anything Apollo reports to one code the UI has a translated message for. */
export function errorCode(error: unknown): ErrorCode {
  if (CombinedGraphQLErrors.is(error)) return firstKnownCode(error.errors);
  if (ServerError.is(error)) {
    const body = parseErrors(error.bodyText);
    if (body) return firstKnownCode(body);
    // A 5xx without a GraphQL body comes from a proxy in front of an API that is down.
    return error.statusCode >= 500 ? 'UNREACHABLE' : 'UNKNOWN';
  }
  // HTML where JSON was expected: something other than the API answered on /graphql.
  if (ServerParseError.is(error)) return 'UNREACHABLE';
  // `fetch` rejects with a TypeError when the connection itself fails.
  if (error instanceof TypeError) return 'UNREACHABLE';
  return 'UNKNOWN';
}

function firstKnownCode(errors: ReadonlyArray<GraphQLFormattedError>): ErrorCode {
  const codes = new Set(errors.map((e) => e.extensions?.code));
  return API_ERROR_CODES.find((code) => codes.has(code)) ?? 'UNKNOWN';
}

function parseErrors(bodyText: string): GraphQLFormattedError[] | null {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body === 'object' && body !== null && 'errors' in body && Array.isArray(body.errors)) {
      return body.errors;
    }
  } catch {
    // Not JSON: the caller falls back on the status code.
  }
  return null;
}

/** The version a VERSION_CONFLICT says is saved now (`extensions.currentVersion`), if it says. */
export function conflictVersion(error: unknown): number | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const conflict = error.errors.find((e) => e.extensions?.code === 'VERSION_CONFLICT');
  const version = conflict?.extensions?.currentVersion;
  return typeof version === 'number' ? version : null;
}
