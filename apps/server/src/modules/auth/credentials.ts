import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context.js';
import { isApiTokenSecret, staffForApiToken } from '../api-token/api-token.store.js';
import { staffForToken } from './session.store.js';

/** Who a bearer token or session cookie signs in, and with which kind of credential. */
export async function signedIn(
  em: EntityManager,
  token: string | null,
  address: string,
): Promise<Pick<Context, 'viewer' | 'credential'>> {
  if (!token) return { viewer: null, credential: null };
  const apiToken = isApiTokenSecret(token);
  const viewer = apiToken ? await staffForApiToken(em, token, address) : await staffForToken(em, token);
  return { viewer, credential: viewer ? (apiToken ? 'api-token' : 'session') : null };
}
