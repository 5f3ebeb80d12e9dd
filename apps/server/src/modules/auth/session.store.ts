import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Staff } from '../staff/staff.entity.js';

/** How long a sign-in lasts: a working week, so reps are not asked again between visits. */
export const SESSION_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/** Only a token's hash is stored (sessions and API tokens alike): a leaked database signs nobody in. */
export const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

export async function openSession(
  em: EntityManager,
  staffId: string,
): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString('base64url');
  // Real time, not the business clock: a session is a security lifetime that the database checks against
  // its own now() (staffForToken); a pinned or shifted clock must neither extend nor cut it short.
  const expires = new Date(Date.now() + SESSION_LIFETIME_MS);
  await em.execute('insert into auth_session (token_hash, staff_id, expires_at) values (?, ?, ?)', [
    hashOf(token),
    staffId,
    expires,
  ]);
  return { token, expires };
}

export async function closeSession(em: EntityManager, token: string): Promise<void> {
  await em.execute('delete from auth_session where token_hash = ?', [hashOf(token)]);
}

/** Signs a staff member out everywhere: on deactivation and on a password reset. */
export async function closeSessionsOf(em: EntityManager, staffId: string): Promise<void> {
  await em.execute('delete from auth_session where staff_id = ?', [staffId]);
}

/**
 * The active staff member of a live session, its token's hash (hashOf) the one parameter: also the first
 * part of the statement that signs a request in and counts it (core/http/rate-limit.ts).
 */
export const LIVE_SESSION_STAFF = `select s.* from auth_session a join staff s on s.id = a.staff_id
     where a.token_hash = ? and a.expires_at > now() and s.active`;

/** The active staff member a live session belongs to, in one query. */
export async function staffForToken(em: EntityManager, token: string): Promise<Staff | null> {
  const rows = await em.execute<Array<Record<string, unknown>>>(LIVE_SESSION_STAFF, [hashOf(token)]);
  const row = rows[0];
  return row ? em.map(Staff, row) : null;
}
