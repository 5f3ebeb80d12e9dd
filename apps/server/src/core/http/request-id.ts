import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

declare global {
  namespace Express {
    interface Request {
      id: string;
      log: Logger;
    }
  }
}

const ACCEPTED_ID = /^[\w-]{8,64}$/;

/** Tags each request with an id (the caller's X-Request-Id when sane) and logs its outcome. */
export function requestLogging(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get('x-request-id');
    req.id = incoming && ACCEPTED_ID.test(incoming) ? incoming : randomUUID();
    req.log = log.child({ requestId: req.id });
    res.setHeader('x-request-id', req.id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // The path as the client sent it (req.path is relative to the router, "/" for /graphql), without
      // the query string, which may carry a GraphQL document and what a person typed into it.
      const path = req.originalUrl.split('?')[0];
      req.log.info({ method: req.method, path, status: res.statusCode, ms }, 'request');
    });
    next();
  };
}
