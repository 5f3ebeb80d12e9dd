import type { RequestHandler } from 'express';
import helmet, { strictTransportSecurity } from 'helmet';

/**
 * The Content-Security-Policy of the app, GraphiQL and the API alike: everything from our own origin, no
 * inline or eval'd script. Exceptions, each for something the app needs:
 * - `style-src 'unsafe-inline'`: Monaco (GraphiQL's editor) writes its theme and decorations into
 *   `<style>` elements it creates at run time (style-src-elem), and the app's libraries write `style`
 *   attributes (style-src-attr); under `style-src 'self'` the security-headers e2e test sees ~850
 *   violations and an unstyled editor. Styles run no code: scripts stay strictly 'self'.
 * - `img-src`/`font-src data:`: the favicon is an inline SVG, and GraphiQL's CSS inlines its fonts.
 * - `worker-src 'self'`: Monaco's workers are our own bundled files (features/graphiql/monacoWorkers.ts),
 *   never blob: URLs.
 */
function cspDirectives(https: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Over plain http (an intranet without TLS) upgrading would break every asset: only behind https.
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Helmet, configured: the CSP above, `X-Frame-Options: DENY` beside `frame-ancestors 'none'` for older
 * browsers, nosniff, `Referrer-Policy: same-origin`. HSTS only when the public URL is https or the
 * request came over TLS (directly, or through a trusted proxy's X-Forwarded-Proto): sent over http it
 * would pin a plain-http intranet server to an https that does not exist. No includeSubDomains: the
 * company's other hosts on the same domain are not ours to pin.
 */
export function securityHeaders(publicUrl: URL | undefined): RequestHandler {
  const https = publicUrl?.protocol === 'https:';
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(https) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
  });
  const hsts = strictTransportSecurity({ maxAge: ONE_YEAR_SECONDS, includeSubDomains: false });
  return (req, res, next) => {
    headers(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (https || req.secure) return hsts(req, res, next);
      next();
    });
  };
}
