import type { EntityManager } from '@mikro-orm/postgresql';
import type { Staff } from '../modules/staff/staff.entity.js';
import type { Clock } from './clock/clock.js';
import type { Env } from './env.js';
import { unauthenticated } from './errors.js';
import type { Loaders } from './loaders.js';
import type { Logger } from './logger.js';

/** How a resolver hands the session token to the browser (an httpOnly cookie over HTTP). */
export interface SessionCookie {
  set(token: string, expires: Date): void;
  clear(): void;
}

/** Everything one GraphQL request works with: its own EntityManager fork and who is asking. */
export interface Context {
  em: EntityManager;
  viewer: Staff | null;
  /** The raw session token the request came with, so logout can end that session. */
  sessionToken: string | null;
  /**
   * How the viewer signed in: a session (web or `login` over the API) may write; a personal API token
   * only reads (core/access/policy.ts refuses its mutations).
   */
  credential: 'session' | 'api-token' | null;
  /** The client's address, as Express reads it behind a trusted proxy: what sign-in limits count by. */
  address: string;
  loaders: Loaders;
  log: Logger;
  /**
   * The origin the client reached the server at (`https://dossier.example.com`), for links the server hands
   * out (a customer sheet's); absent outside HTTP.
   */
  origin?: string;
  /** The request's language for messages meant for people. */
  locale: 'zh-CN' | 'en';
  sessionCookie: SessionCookie;
  env: Env;
  /** The request's time and business calendar: every "now" and "today" of the request comes from it. */
  clock: Clock;
}

/** The signed-in staff member; the auth gate already refused anonymous operations, this keeps types honest. */
export function viewerOf(ctx: Context): Staff {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}
