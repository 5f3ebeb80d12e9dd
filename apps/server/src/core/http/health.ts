import type { MikroORM } from '@mikro-orm/postgresql';
import { Router as createRouter, type Router } from 'express';

/** Facts a feature adds to a ready answer (the last verified backup); they never make it unready. */
export type ReadinessDetails = () => Promise<Record<string, unknown>>;

/** Liveness says the process answers; readiness says it can serve: database reachable, schema current. */
export function healthRoutes(orm: MikroORM, details: ReadinessDetails = async () => ({})): Router {
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
      const extra = await details().catch((err: unknown) => {
        req.log.warn({ err }, 'readiness details failed');
        return {};
      });
      res.json({ status: 'ready', ...extra });
    } catch (error) {
      req.log.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  return router;
}
