import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

export const defaultWebDist = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/**
 * Serves the built web app, falling back to index.html for client-side routes (history API). Paths with a
 * file extension are assets: a missing one is a 404, not the app shell.
 */
export function webApp(distDir: string): Router {
  const router = express.Router();
  const index = path.join(distDir, 'index.html');
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));
  router.get(/.*/, (req, res, next) => {
    if (path.extname(req.path) !== '' || !req.accepts('html')) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The web app is not built yet: run `pnpm start` or `pnpm build`.');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
