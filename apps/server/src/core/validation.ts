import { compareMoney, tryParseDecimal } from '@dossier/domain';
import { badInput } from './errors.js';
import { isLocalDate } from './graphql/scalars.js';

/**
 * Input checks shared by every mutation. Each names the input field, so a client can put the message next
 * to the right form control. `undefined` means "not given"; `null` means "clear it".
 */
export function requiredText(field: string, value: string | null | undefined, max: number): string {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') throw badInput(field, 'must not be empty');
  if (trimmed.length > max) throw badInput(field, `must be at most ${max} characters`);
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  if (trimmed.length > max) throw badInput(field, `must be at most ${max} characters`);
  return trimmed;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function optionalEmail(field: string, value: string | null | undefined): string | null {
  const email = optionalText(field, value, 254);
  if (email !== null && !EMAIL.test(email)) throw badInput(field, 'must be an e-mail address');
  return email;
}

const PHONE = /^[+\d][\d\s()\-–/]{2,48}(?:\s*(?:ext|转|x)\.?\s*\d{1,6})?$/i;

export function optionalPhone(field: string, value: string | null | undefined): string | null {
  const phone = optionalText(field, value, 50);
  if (phone !== null && !PHONE.test(phone)) throw badInput(field, 'must be a phone number');
  return phone;
}

export function optionalWebsite(field: string, value: string | null | undefined): string | null {
  const website = optionalText(field, value, 300);
  if (website === null) return null;
  const withScheme = /^https?:\/\//i.test(website) ? website : `https://${website}`;
  try {
    const url = new URL(withScheme);
    if (!url.hostname.includes('.')) throw new Error('no domain');
  } catch {
    throw badInput(field, 'must be a web address');
  }
  return website;
}

/** Money and limits: exact, at most 12 integer digits and 2 decimals, never negative. */
export function optionalAmount(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const parsed = tryParseDecimal(value);
  if (!parsed.ok) throw badInput(field, 'must be a decimal with at most 12 digits and 2 decimals');
  if (parsed.value < 0n) throw badInput(field, 'must not be negative');
  return value;
}

/** A calendar date written YYYY-MM-DD, or null for empty. */
export function optionalDate(field: string, value: string | null | undefined): string | null {
  const date = optionalText(field, value, 10);
  if (date !== null && !isLocalDate(date)) throw badInput(field, 'must be a date written YYYY-MM-DD');
  return date;
}

/** Inclusive date bounds of a filter (YYYY-MM-DD, so text order is date order); a reversed range is refused. */
export function dateRange(
  fromField: string,
  toField: string,
  from: string | null | undefined,
  to: string | null | undefined,
): { from: string | null; to: string | null } {
  if (from && to && from > to) throw badInput(toField, `must not be before ${fromField}`);
  return { from: from ?? null, to: to ?? null };
}

/** Inclusive amount bounds of a filter: exact, never negative, and not reversed. */
export function amountRange(
  minField: string,
  maxField: string,
  min: string | null | undefined,
  max: string | null | undefined,
): { min: string | null; max: string | null } {
  const low = optionalAmount(minField, min);
  const high = optionalAmount(maxField, max);
  if (low !== null && high !== null && compareMoney(low, high) > 0) {
    throw badInput(maxField, `must not be below ${minField}`);
  }
  return { min: low, max: high };
}

/** For non-nullable fields of update inputs: given means it must hold a value. */
export function notNull<T>(field: string, value: T | null): T {
  if (value === null) throw badInput(field, 'cannot be cleared');
  return value;
}
