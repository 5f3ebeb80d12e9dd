import { compareBigInt } from './fraction.js';

// Exact decimal money. The GraphQL `Decimal` scalar is a string ("1234.50"); amounts are held as
// bigint units of 10^-scale (cents for money) so that sums and comparisons never pass through a float.

export interface DecimalOptions {
  /** Digits allowed after the point; the parsed value is in units of 10^-scale. */
  scale?: number;
  /** Significant digits allowed before the point; leading zeros do not count. */
  maxIntegerDigits?: number;
}

export type DecimalFormatReason = 'EMPTY' | 'SYNTAX' | 'TOO_MANY_FRACTION_DIGITS' | 'TOO_MANY_INTEGER_DIGITS';

export class DecimalFormatError extends Error {
  override readonly name = 'DecimalFormatError';

  constructor(
    readonly input: string,
    readonly reason: DecimalFormatReason,
    message: string,
  ) {
    super(message);
  }
}

export type DecimalParseResult =
  | { readonly ok: true; readonly value: bigint }
  | { readonly ok: false; readonly error: DecimalFormatError };

// Deliberately strict: no '+', no exponent, no bare ".5" or "5.", no separators or spaces. A Decimal
// arrives from an API or a form field; guessing what a malformed one meant would store wrong money.
const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

const MONEY_SCALE = 2;
const DISCOUNT_SCALE = 4;

/** Parses without throwing: for validators that collect every error of a form or input. */
export function tryParseDecimal(input: string, options: DecimalOptions = {}): DecimalParseResult {
  const { scale = MONEY_SCALE, maxIntegerDigits = 12 } = options;
  const fail = (reason: DecimalFormatReason, message: string): DecimalParseResult => ({
    ok: false,
    error: new DecimalFormatError(input, reason, message),
  });

  if (input === '') return fail('EMPTY', 'Invalid decimal: the value is empty');
  const match = DECIMAL_PATTERN.exec(input);
  if (match === null) {
    return fail(
      'SYNTAX',
      `Invalid decimal "${input}": expected digits with an optional leading "-" and an optional fraction, such as "1234.50"`,
    );
  }
  const [, sign = '', integer = '', fraction = ''] = match;
  if (fraction.length > scale) {
    return fail(
      'TOO_MANY_FRACTION_DIGITS',
      `Invalid decimal "${input}": at most ${scale} digits are allowed after the decimal point`,
    );
  }
  const significant = integer.replace(/^0+(?=\d)/, '');
  if (significant !== '0' && significant.length > maxIntegerDigits) {
    return fail(
      'TOO_MANY_INTEGER_DIGITS',
      `Invalid decimal "${input}": at most ${maxIntegerDigits} digits are allowed before the decimal point`,
    );
  }
  const magnitude = BigInt(integer + fraction.padEnd(scale, '0'));
  return { ok: true, value: sign === '-' ? -magnitude : magnitude };
}

/** Parses a decimal string into bigint units of 10^-scale; throws DecimalFormatError. */
export function parseDecimal(input: string, options: DecimalOptions = {}): bigint {
  const result = tryParseDecimal(input, options);
  if (!result.ok) throw result.error;
  return result.value;
}

/** Parses a money amount into cents. */
export function parseMoney(amount: string): bigint {
  return parseDecimal(amount, { scale: MONEY_SCALE });
}

/** Formats bigint units of 10^-scale as a decimal string with exactly `scale` fraction digits. */
export function formatDecimal(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const integer = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${integer}${scale > 0 ? `.${fraction}` : ''}`;
}

/** Formats cents as a `Decimal` with exactly two decimals: 123450n → "1234.50". */
export function formatCents(cents: bigint): string {
  return formatDecimal(cents, MONEY_SCALE);
}

/** Sums money amounts exactly: addMoney("0.10", "0.20") === "0.30". */
export function addMoney(first: string, ...rest: readonly string[]): string {
  return formatCents(rest.reduce((sum, amount) => sum + parseMoney(amount), parseMoney(first)));
}

export function subtractMoney(minuend: string, subtrahend: string): string {
  return formatCents(parseMoney(minuend) - parseMoney(subtrahend));
}

/** Compares by value, so "1.5" equals "1.50"; usable as an Array.prototype.sort comparator. */
export function compareMoney(a: string, b: string): -1 | 0 | 1 {
  return compareBigInt(parseMoney(a), parseMoney(b));
}

/**
 * Rounds numerator / denominator to an integer, halves away from zero (Java's HALF_UP). Away from zero
 * rather than towards +∞ so that a return line is the exact negative of the sale it reverses.
 */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = 2n * (n % d) >= d ? n / d + 1n : n / d;
  return negative ? -quotient : quotient;
}

/**
 * quantity × unitPrice × (1 − discount), rounded half-up to cents, as the contract's OrderLine.amount.
 * A negative quantity (or price) is a return, and its amount mirrors the sale exactly.
 */
export function lineAmountCents(quantity: number, unitPrice: string, discount: string): bigint {
  if (!Number.isSafeInteger(quantity)) {
    throw new RangeError(`Invalid quantity ${quantity}: expected a whole number`);
  }
  const priceCents = parseMoney(unitPrice);
  const discountUnits = parseDecimal(discount, { scale: DISCOUNT_SCALE });
  const whole = 10n ** BigInt(DISCOUNT_SCALE);
  if (discountUnits < 0n || discountUnits > whole) {
    throw new RangeError(`Invalid discount "${discount}": expected a fraction from 0 to 1`);
  }
  return divideRoundHalfUp(BigInt(quantity) * priceCents * (whole - discountUnits), whole);
}

/** lineAmountCents as a `Decimal` string. */
export function lineAmount(quantity: number, unitPrice: string, discount: string): string {
  return formatCents(lineAmountCents(quantity, unitPrice, discount));
}
