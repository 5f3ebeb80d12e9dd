import type { MikroORM } from '@mikro-orm/postgresql';
import { Router as createRouter, type Router } from 'express';

/** Liveness says the process answers; readiness says it can serve: database reachable, schema current. */
export function healthRoutes(orm: MikroORM): Router {
  const router = createRouter();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      const pending = await orm.migrator.getPendingMigrations();
      if (pending.length > 0) {
        res.status(503).json({ status: 'migrations pending', pending: pending.length });
        return;
      }
      res.json({ status: 'ready' });
    } catch (error) {
      req.log.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  return router;
}
