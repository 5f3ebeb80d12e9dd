import type { MikroORM } from '@mikro-orm/postgresql';
import { Router as createRouter, type Router } from 'express';

export interface Readiness {
  /** Set once a graceful shutdown began: the balancer should send new requests elsewhere. */
  draining: boolean;
  /**
   * What a ready answer tells besides its status (the last verified backup): shown, never a reason to be
   * unready. Given by the composition root, which knows the modules.
   */
  details?: () => Promise<Record<string, unknown>>;
}

class CheckTimedOut extends Error {}

/** `work`, or a rejection after `ms`: a probe that hangs tells the balancer nothing. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimedOut(`no answer from the database in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Liveness says the process answers; readiness says it can serve: not shutting down, database reachable
 * within `timeoutMs` (the pool's own bounds would answer later), schema current.
 */
export function healthRoutes(orm: MikroORM, readiness: Readiness, timeoutMs: number): Router {
  const router = createRouter();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    if (readiness.draining) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    try {
      const pending = await within(
        timeoutMs,
        orm.em
          .getConnection()
          .execute('select 1')
          .then(() => orm.migrator.getPendingMigrations()),
      );
      if (pending.length > 0) {
        res.status(503).json({ status: 'migrations pending', pending: pending.length });
        return;
      }
      const details = await within(timeoutMs, readiness.details?.() ?? Promise.resolve({})).catch((error) => {
        req.log.warn({ err: error }, 'readiness details could not be read');
        return {};
      });
      res.json({ status: 'ready', ...details });
    } catch (error) {
      req.log.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  return router;
}
