import { AuditEvent } from '@dossier/domain';
import type { Context } from '../../core/context.js';
import { badInput, tooManyAttempts, unauthenticated } from '../../core/errors.js';
import { audit } from '../audit/audit.writer.js';
import { Staff } from '../staff/staff.entity.js';
import { clearFailures, lockedForSeconds, recordFailure } from './login-limits.js';
import { verifyPassword } from './passwords.js';
import { closeSession, openSession } from './session.store.js';

/** Demo logins exist for trying Dossier out; a production server never accepts them. */
const DEMO_DOMAIN = '@demo.dossier';
const WRONG_CREDENTIALS = 'Wrong e-mail or password';

export async function login(ctx: Context, email: string, password: string) {
  const address = email.trim().toLowerCase();
  if (address === '' || address.length > 254) throw badInput('email', 'must be an e-mail address');
  if (password.length === 0 || password.length > 1000)
    throw badInput('password', 'must be 1 to 1000 characters');
  const attempt = { email: address, address: ctx.address };

  const locked = await lockedForSeconds(ctx.em, address, ctx.address);
  if (locked > 0) {
    // Checked before the password, so a locked account cannot be guessed at any faster.
    await audit(ctx.em, { event: AuditEvent.LOGIN_LOCKED, ...attempt });
    throw tooManyAttempts(locked);
  }

  const [row] = await ctx.em.execute<Array<{ id: string; password_hash: string | null; active: boolean }>>(
    'select id, password_hash, active from staff where lower(email) = ?',
    [address],
  );
  const valid = await verifyPassword(row?.password_hash ?? null, password);
  const demoRefused = ctx.env.NODE_ENV === 'production' && address.endsWith(DEMO_DOMAIN);
  if (!row?.active || !valid || demoRefused) {
    await recordFailure(ctx.em, address, ctx.address);
    await audit(ctx.em, { event: AuditEvent.LOGIN_FAILED, subjectId: row?.id, ...attempt });
    throw unauthenticated(WRONG_CREDENTIALS);
  }

  await clearFailures(ctx.em, address);
  const session = await openSession(ctx.em, row.id);
  await audit(ctx.em, { event: AuditEvent.LOGIN_SUCCEEDED, actorId: row.id, subjectId: row.id, ...attempt });
  ctx.sessionCookie.set(session.token, session.expires);
  return { token: session.token, staff: await ctx.em.findOneOrFail(Staff, row.id) };
}

export async function logout(ctx: Context): Promise<boolean> {
  if (ctx.sessionToken) await closeSession(ctx.em, ctx.sessionToken);
  if (ctx.viewer)
    await audit(ctx.em, { event: AuditEvent.LOGOUT, actorId: ctx.viewer.id, address: ctx.address });
  ctx.sessionCookie.clear();
  return true;
}
