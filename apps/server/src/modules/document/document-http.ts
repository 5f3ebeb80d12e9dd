import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { sendError } from '../../core/http/json-errors.js';

/** The HTTP status of each API error code, for the document routes that answer outside GraphQL. */
const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  TOO_MANY_ATTEMPTS: 429,
  RATE_LIMITED: 429,
};

/** Answers an API error as GraphQL would word it (`errors[0].extensions`), with its HTTP status; true if it was one. */
export function sendApiError(res: Response, error: unknown, status?: number): boolean {
  if (!(error instanceof GraphQLError)) return false;
  const code = String(error.extensions.code);
  res
    .status(status ?? STATUS[code] ?? 400)
    .json({ errors: [{ message: error.message, extensions: error.extensions }] });
  return true;
}

export const sendUnauthenticated = (res: Response) => sendError(res, 401, 'Sign in first', 'UNAUTHENTICATED');
