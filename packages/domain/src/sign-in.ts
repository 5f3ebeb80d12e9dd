import { StaffRole } from './enums.js';

/** NIST SP 800-63B: length over composition rules; 12 is OWASP's floor for passwords without MFA. */
export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes anything, but a megabyte "password" is a way to burn our CPU, not a secret. */
export const MAX_PASSWORD_LENGTH = 256;

export interface PasswordOwner {
  email: string;
  name?: string | null;
}

const normalized = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/**
 * Why a password may not be set for this staff member, in English for the API's error message, or null
 * when it is acceptable. Length counts characters (code points), so a Chinese passphrase counts as typed.
 */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const secret = normalized(password);
  if (new Set(secret).size === 1) return 'must not repeat a single character';
  const email = normalized(owner.email);
  const localPart = email.split('@')[0] ?? '';
  if (secret === email || (localPart.length >= 4 && secret.includes(localPart))) {
    return 'must not contain the e-mail address';
  }
  const name = normalized(owner.name ?? '');
  if (name.length >= 2 && secret === name) return 'must not be the name';
  return null;
}

/** Failed sign-ins counted in a sliding window; reaching a limit locks until the window has passed. */
export const LOGIN_LIMITS = {
  windowMinutes: 15,
  /** per e-mail address, whether or not such an account exists, so a lock reveals nothing */
  perAccount: 5,
  /** per client address: a whole office may sit behind one NAT, so more than one person's typos */
  perAddress: 20,
} as const;

/** Who may hold personal API tokens: those who query the API directly. Tokens only ever read. */
export const mayHoldApiTokens = (role: StaffRole) => role === StaffRole.ANALYST || role === StaffRole.ADMIN;

/** The longest an API token may live: a forgotten token should die on its own. */
export const MAX_API_TOKEN_DAYS = 366;
