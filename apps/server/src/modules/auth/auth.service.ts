import type { Context } from '../../core/context.js';
import { badInput, unauthenticated } from '../../core/errors.js';
import { Staff } from '../staff/staff.entity.js';
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

  const [row] = await ctx.em.execute<Array<{ id: string; password_hash: string | null }>>(
    'select id, password_hash from staff where lower(email) = ? and active',
    [address],
  );
  const valid = await verifyPassword(row?.password_hash ?? null, password);
  const demoRefused = ctx.env.NODE_ENV === 'production' && address.endsWith(DEMO_DOMAIN);
  if (!row || !valid || demoRefused) throw unauthenticated(WRONG_CREDENTIALS);

  const session = await openSession(ctx.em, row.id);
  ctx.sessionCookie.set(session.token, session.expires);
  return { token: session.token, staff: await ctx.em.findOneOrFail(Staff, row.id) };
}

export async function logout(ctx: Context): Promise<boolean> {
  if (ctx.sessionToken) await closeSession(ctx.em, ctx.sessionToken);
  ctx.sessionCookie.clear();
  return true;
}
