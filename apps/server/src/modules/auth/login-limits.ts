import { LOGIN_LIMITS } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';

const WINDOW = `interval '${LOGIN_LIMITS.windowMinutes} minutes'`;

/**
 * Seconds until sign-in from this e-mail and address is allowed again, or 0. A sliding window: with N
 * allowed failures, the lock lifts when the Nth most recent failure leaves the window. The e-mail is counted
 * whether or not an account has it, so a lock says nothing about who works here. One statement, both limits.
 */
export async function lockedForSeconds(em: EntityManager, email: string, address: string): Promise<number> {
  const [row] = await em.execute<Array<{ seconds: number | null }>>(
    `with nth as (
       (select at from login_failure where email = ? and at > now() - ${WINDOW}
        order by at desc offset ? limit 1)
       union all
       (select at from login_failure where address = ? and at > now() - ${WINDOW}
        order by at desc offset ? limit 1)
     )
     select ceil(extract(epoch from max(at) + ${WINDOW} - now()))::int as seconds from nth`,
    [email, LOGIN_LIMITS.perAccount - 1, address, LOGIN_LIMITS.perAddress - 1],
  );
  return Math.max(0, row?.seconds ?? 0);
}

/** Counts a failed sign-in, and forgets those older than the window while at it. */
export async function recordFailure(em: EntityManager, email: string, address: string): Promise<void> {
  await em.execute(`delete from login_failure where at < now() - ${WINDOW}`);
  await em.execute('insert into login_failure (email, address) values (?, ?)', [email, address]);
}

/** A successful sign-in forgives the account's typos; the address keeps its count. */
export async function clearFailures(em: EntityManager, email: string): Promise<void> {
  await em.execute('delete from login_failure where email = ?', [email]);
}
