import { createHash, timingSafeEqual } from 'node:crypto';
import { Router as createRouter, type Router } from 'express';
import type { DossierMetrics } from './metrics.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `GET /metrics` for Prometheus, only with DOSSIER_METRICS_TOKEN set and then only for
 * `Authorization: Bearer <token>`: operation names, error rates and pool use describe the business and its
 * load, which is nobody else's to read. Unset, the path is a plain 404 (no hint that metrics exist).
 * The token is compared as SHA-256 digests in constant time: equal lengths, so timing tells nothing.
 */
export function metricsRoute(metrics: DossierMetrics, token: string | undefined): Router {
  const router = createRouter();
  const expected = token === undefined ? null : digest(`Bearer ${token}`);
  router.get('/metrics', async (req, res) => {
    if (expected === null) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    if (!timingSafeEqual(digest(req.get('authorization') ?? ''), expected)) {
      res.status(401).set('www-authenticate', 'Bearer').type('text/plain').send('Unauthorized');
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.scrape());
  });
  return router;
}
