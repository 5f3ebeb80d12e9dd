import { randomBytes } from 'node:crypto';
import { AuditEvent } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.writer.js';
import { hashOf } from '../auth/session.store.js';
import { Staff } from '../staff/staff.entity.js';

/** Tells an API token from a session token at a glance, in logs and in secret scanners. */
export const API_TOKEN_PREFIX = 'dpat_';

export const newApiTokenSecret = () => `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

export const isApiTokenSecret = (token: string) => token.startsWith(API_TOKEN_PREFIX);

/**
 * The active staff member a live API token belongs to. Its use is stamped (last_used_at, and a TOKEN_USED
 * audit entry) at most once a minute, so a script polling the API does not write on every request.
 */
export async function staffForApiToken(
  em: EntityManager,
  token: string,
  address: string,
): Promise<Staff | null> {
  const rows = await em.execute<Array<Record<string, unknown> & { token_id: string; stale: boolean }>>(
    `select s.*, t.id as token_id,
            (t.last_used_at is null or t.last_used_at < now() - interval '1 minute') as stale
     from api_token t join staff s on s.id = t.staff_id
     where t.token_hash = ? and t.revoked_at is null and t.expires_at > now() and s.active`,
    [hashOf(token)],
  );
  const [row] = rows;
  if (!row) return null;
  const { token_id: tokenId, stale, ...staff } = row;
  if (stale) {
    await em.execute('update api_token set last_used_at = now() where id = ?', [tokenId]);
    await audit(em, {
      event: AuditEvent.TOKEN_USED,
      actorId: String(staff.id),
      address,
      detail: { tokenId },
    });
  }
  return em.map(Staff, staff);
}

/** Revokes every live token of a staff member (on deactivation); answers how many. */
export async function revokeTokensOf(em: EntityManager, staffId: string): Promise<number> {
  const rows = await em.execute<Array<{ id: string }>>(
    `update api_token set revoked_at = now(), version = version + 1, updated_at = now()
     where staff_id = ? and revoked_at is null returning id`,
    [staffId],
  );
  return rows.length;
}
