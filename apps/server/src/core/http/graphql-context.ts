import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { isApiTokenSecret } from '../../modules/api-token/api-token.store.js';
import { signedIn } from '../../modules/auth/credentials.js';
import type { Clock } from '../clock/clock.js';
import type { Context, SessionCookie } from '../context.js';
import { isDatabaseUnavailable, serviceUnavailable } from '../database/unavailable.js';
import type { Env } from '../env.js';
import { Loaders } from '../loaders.js';
import { localeFrom } from './locale.js';
import type { RateLimit } from './rate-limit.js';

export const SESSION_COOKIE = 'dossier_session';

function cookie(req: Request, name: string): string | null {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    // Taken as sent: our tokens are base64url, and decoding a forged `%` would throw before the API answers.
    if (key === name) return value.join('=');
  }
  return null;
}

/** Integrations send `Authorization: Bearer`; the web app relies on the httpOnly cookie. */
function tokenOf(req: Request): string | null {
  const header = req.get('authorization');
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim() || null;
  return cookie(req, SESSION_COOKIE);
}

/**
 * `Secure` whenever people reach us over https: the public URL says so even when the proxy talks plain
 * http to us (or is not trusted to say X-Forwarded-Proto); else when this request came over TLS.
 */
function sessionCookie(req: Request, res: Response, publicUrl: URL | undefined): SessionCookie {
  const secure = publicUrl?.protocol === 'https:' || req.secure;
  const options = { httpOnly: true, sameSite: 'lax', secure, path: '/' } as const;
  return {
    set: (token, expires) => res.cookie(SESSION_COOKIE, token, { ...options, expires }),
    clear: () => res.clearCookie(SESSION_COOKIE, options),
  };
}

/** A session token (the web app's, or `login`'s over the API) is looked up and counted in one statement. */
async function signedInAndCounted(
  em: EntityManager,
  token: string | null,
  address: string,
  rateLimit: RateLimit,
): Promise<Pick<Context, 'viewer' | 'credential'>> {
  if (token && !isApiTokenSecret(token)) {
    const viewer = await rateLimit.countedSession(em, token, address);
    return { viewer, credential: viewer ? 'session' : null };
  }
  const signed = await signedIn(em, token, address);
  await rateLimit.consume(signed.viewer && token ? { token } : { address });
  return signed;
}

/**
 * Every request counts against its token's rate limit, or its address's when the token signs no one in:
 * made-up tokens do not buy fresh limits. Over the limit the request ends here, before it is parsed.
 */
export function graphqlContext(orm: MikroORM, env: Env, clock: Clock, rateLimit: RateLimit) {
  return async ({ req, res }: { req: Request; res: Response }): Promise<Context> => {
    const em = orm.em.fork();
    const token = tokenOf(req);
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    // Apollo answers any other failure here 500 "Context creation failed": a lost database is a 503.
    const { viewer, credential } = await signedInAndCounted(em, token, address, rateLimit).catch((error) => {
      throw isDatabaseUnavailable(error) ? serviceUnavailable() : error;
    });
    return {
      em,
      viewer,
      sessionToken: token,
      credential,
      address,
      loaders: new Loaders(em, viewer),
      log: req.log.child(viewer ? { staffId: viewer.id } : {}),
      // Express reads the protocol and host from X-Forwarded-* behind a trusted proxy.
      origin: `${req.protocol}://${req.get('host') ?? 'localhost'}`,
      locale: localeFrom(req.get('accept-language')),
      sessionCookie: sessionCookie(req, res, env.DOSSIER_PUBLIC_URL),
      env,
      clock,
    } satisfies Context;
  };
}
