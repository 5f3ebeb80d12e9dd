import { AuditEvent, MAX_API_TOKEN_DAYS } from '@dossier/domain';
import { isAdmin, requireApiTokenHolder } from '../../core/access/policy.js';
import { type Context, viewerOf } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { audit } from '../audit/audit.writer.js';
import { hashOf } from '../auth/session.store.js';
import { Staff } from '../staff/staff.entity.js';
import { ApiToken } from './api-token.entity.js';
import { newApiTokenSecret } from './api-token.store.js';

const DAY_MS = 24 * 3600 * 1000;

/** A new token for the viewer; the answer is the only time its secret is ever shown. */
export async function createApiToken(ctx: Context, name: string, expiresAt: Date) {
  const viewer = requireApiTokenHolder(ctx);
  const label = name.trim();
  if (label === '' || label.length > 100) throw badInput('name', 'must be 1 to 100 characters');
  // Real time, as for sessions: the database compares expires_at with its own now().
  const now = Date.now();
  if (!(expiresAt.getTime() > now)) throw badInput('expiresAt', 'must be in the future');
  if (expiresAt.getTime() > now + MAX_API_TOKEN_DAYS * DAY_MS) {
    throw badInput('expiresAt', `must be within ${MAX_API_TOKEN_DAYS} days`);
  }
  const secret = newApiTokenSecret();
  const apiToken = await writeTransaction(ctx, async (em) => {
    const token = new ApiToken(
      em.getReference(Staff, viewer.id, { wrapped: true }),
      label,
      hashOf(secret),
      expiresAt,
    );
    await em.persist(token).flush();
    await audit(em, {
      event: AuditEvent.TOKEN_CREATED,
      actorId: viewer.id,
      address: ctx.address,
      detail: { tokenId: token.id, name: label, expiresAt: expiresAt.toISOString() },
    });
    return token;
  });
  return { token: secret, apiToken };
}

/** The viewer's own tokens, newest first, revoked and expired ones included. */
export function apiTokensOf(ctx: Context) {
  const viewer = requireApiTokenHolder(ctx);
  return ctx.em.find(ApiToken, { staff: viewer.id }, { orderBy: { createdAt: 'desc', id: 'desc' } });
}

/** Revokes one of the viewer's tokens (an admin: anyone's); revoking a revoked token changes nothing. */
export async function revokeApiToken(ctx: Context, globalId: string, expectedVersion: number) {
  const viewer = viewerOf(ctx);
  const id = idOf(globalId, 'ApiToken', 'id');
  return writeTransaction(ctx, async (em) => {
    const token = await em.findOne(ApiToken, { id });
    const mayRevoke = token && (token.staff.id === viewer.id || isAdmin(viewer));
    if (!token || !mayRevoke) throw notFound('ApiToken', globalId, 'id');
    expectVersion(token, expectedVersion);
    if (token.revokedAt) return token;
    token.revokedAt = new Date();
    await em.flush();
    await audit(em, {
      event: AuditEvent.TOKEN_REVOKED,
      actorId: viewer.id,
      subjectId: token.staff.id,
      address: ctx.address,
      detail: { tokenId: token.id, name: token.name },
    });
    return token;
  });
}
