import { hash, verify } from '@node-rs/argon2';

/** argon2id (algorithm 2: a const enum we cannot import) at OWASP's minimum cost: 19 MiB, 2 passes. */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

/** A hash that fails to verify for any password, so unknown e-mails take as long as wrong passwords. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  decoy ??= hashPassword('decoy');
  const matches = await verify(storedHash ?? (await decoy), password).catch(() => false);
  return storedHash !== null && matches;
}
