// Exact rational arithmetic for thresholds that users give as floats (ABC shares, decline ratios).
// Multiplying a bigint amount by a float share would round: 0.8 + 0.15 is 0.9500000000000001 in
// binary, which would classify a customer exactly at 95% as B instead of C.

/** numerator / denominator, denominator always > 0. */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

// What String() prints for a finite number: digits, optional fraction, optional exponent.
const NUMBER_STRING = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * The exact value of the shortest decimal that prints as `value`, e.g. 0.8 → 8/10. That decimal is
 * what the user typed; the binary double nearest to it (0.8000000000000000444…) is an artefact, and
 * a customer exactly at 80% must compare as exactly at 80%.
 */
export function fractionOf(value: number): Fraction {
  const match = Number.isFinite(value) ? NUMBER_STRING.exec(String(value)) : null;
  if (match === null) throw new RangeError(`Expected a finite number, got ${value}`);
  const [, sign = '', integer = '', fraction = '', exponent = '0'] = match;
  const magnitude = BigInt(integer + fraction);
  const numerator = sign === '-' ? -magnitude : magnitude;
  const shift = Number(exponent) - fraction.length;
  return shift >= 0
    ? { numerator: numerator * 10n ** BigInt(shift), denominator: 1n }
    : { numerator, denominator: 10n ** BigInt(-shift) };
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  return {
    numerator: a.numerator * b.denominator + b.numerator * a.denominator,
    denominator: a.denominator * b.denominator,
  };
}

export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  return compareBigInt(a.numerator * b.denominator, b.numerator * a.denominator);
}

/** A sort comparator for bigints, which Array.prototype.sort would otherwise compare as strings. */
export function compareBigInt(a: bigint, b: bigint): -1 | 0 | 1 {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** Whether part < share × whole, exactly. */
export function isBelowShare(part: bigint, share: Fraction, whole: bigint): boolean {
  return part * share.denominator < share.numerator * whole;
}

/** part / whole as a float for display and the API's Float fields; 0 when whole is 0. */
export function ratio(part: bigint, whole: bigint): number {
  return whole === 0n ? 0 : Number(part) / Number(whole);
}
