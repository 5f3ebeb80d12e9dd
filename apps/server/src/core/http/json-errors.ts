import type { NextFunction, Request, Response } from 'express';
import {
  isDatabaseUnavailable,
  SERVICE_UNAVAILABLE,
  UNAVAILABLE_MESSAGE,
  unavailableHttp,
} from '../database/unavailable.js';

/** A request-level error in the GraphQL shape, so every client reads `errors[0].extensions.code`. */
export function sendError(res: Response, status: number, message: string, code = 'BAD_REQUEST'): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * What the GraphQL-over-HTTP specification asks before a body is parsed: GET and POST only (405 with
 * `Allow`), and a POST body in `application/json` (415). Apollo would answer these with 400s, or with
 * Express's HTML page when the JSON parser gives up first.
 */
export function graphqlRequestGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST');
      return sendError(res, 405, `${req.method} is not supported: use POST (or GET for queries)`);
    }
    if (req.method === 'POST' && !req.is('application/json')) {
      return sendError(res, 415, 'Send the GraphQL request as a JSON body (content-type: application/json)');
    }
    next();
  };
}

/** body-parser's error types, in words a client developer can act on. */
const BODY_PROBLEMS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON (an object with "query" is expected)',
  'entity.verify.failed': 'The request body could not be verified',
  'encoding.unsupported': 'The request body uses a content encoding the server does not read',
  'charset.unsupported': 'The request body uses a charset other than UTF-8',
  'request.aborted': 'The request was aborted before its body arrived',
  'request.size.invalid': 'The request body is shorter or longer than its Content-Length',
  'stream.encoding.set': 'The request body could not be read',
};

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  /** body-parser's limit in bytes, on `entity.too.large`. */
  limit?: number;
}

function problemOf({ type, limit }: HttpError): string {
  if (type === 'entity.too.large')
    return `The request body is larger than ${limit} bytes (DOSSIER_MAX_BODY_BYTES)`;
  return (type && BODY_PROBLEMS[type]) || 'The request could not be read';
}

/**
 * The last error handler: every answer is JSON, never Express's HTML page or a stack trace. Client mistakes
 * keep their 4xx status; anything else is logged in full and answered as a bare 500.
 */
export function jsonErrors() {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    // The late answer of a request that requestDeadline already answered has nowhere to go.
    if (res.headersSent && res.locals.deadlinePassed === true) return;
    if (res.headersSent) return next(error);
    const httpError = (error ?? {}) as HttpError;
    const clientStatus = httpError.status ?? httpError.statusCode ?? 500;
    if (clientStatus >= 400 && clientStatus < 500) return sendError(res, clientStatus, problemOf(httpError));
    if (isDatabaseUnavailable(error)) {
      req.log.warn({ err: error }, 'database unavailable');
      for (const [name, value] of unavailableHttp().headers) res.setHeader(name, value);
      return sendError(res, 503, UNAVAILABLE_MESSAGE, SERVICE_UNAVAILABLE);
    }
    req.log.error({ err: error }, 'unexpected HTTP error');
    sendError(res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
  };
}
