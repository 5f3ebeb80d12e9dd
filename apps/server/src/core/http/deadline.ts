import type { NextFunction, Request, Response } from 'express';
import { sendError } from './json-errors.js';

/**
 * Answers a request still unanswered after `ms` with a JSON 503 (code TIMEOUT) rather than leaving the
 * client waiting, also when its body has not arrived yet. JavaScript cannot stop the resolvers already running: the cost limit bounds how much
 * they can still do, PostgreSQL cancels a statement past DOSSIER_STATEMENT_TIMEOUT_MS (orm.ts), and their
 * late answer is dropped (jsonErrors).
 */
export function requestDeadline(ms: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.locals.deadlinePassed = true;
      res.setHeader('retry-after', String(Math.ceil(ms / 1000)));
      // A body still arriving (a slow or slowloris client) would hold the connection until Node's longer
      // upload timeout: with `Connection: close`, Node destroys the socket once this answer is written.
      if (!req.complete) res.setHeader('connection', 'close');
      sendError(res, 503, `The request took longer than ${ms} ms and was stopped`, 'TIMEOUT');
    }, ms);
    res.on('close', () => clearTimeout(timer));
    next();
  };
}
