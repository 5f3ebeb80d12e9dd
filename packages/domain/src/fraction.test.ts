import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addFractions,
  compareBigInt,
  compareFractions,
  type Fraction,
  fractionOf,
  isBelowShare,
  ratio,
} from './fraction.js';

const f = (numerator: bigint, denominator: bigint): Fraction => ({ numerator, denominator });

describe('fractionOf', () => {
  it.each([
    [0.8, f(8n, 10n)],
    [0.15, f(15n, 100n)],
    [1, f(1n, 1n)],
    [0, f(0n, 1n)],
    [-0.5, f(-5n, 10n)],
    [12.25, f(1225n, 100n)],
    [1e-7, f(1n, 10n ** 7n)],
    [1.5e-7, f(15n, 10n ** 8n)],
    [1e21, f(10n ** 21n, 1n)],
    [1.23e22, f(123n * 10n ** 20n, 1n)],
    // the decimal the double prints as, not the decimal the user may have meant before adding
    [0.1 + 0.2, f(30000000000000004n, 10n ** 17n)],
  ])('gives %s as %o', (value, expected) => {
    expect(fractionOf(value)).toEqual(expected);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('rejects %s', (value) => {
    expect(() => fractionOf(value)).toThrow(new RangeError(`Expected a finite number, got ${value}`));
  });

  it('is exact for every share typed with three decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (k) => {
        expect(compareFractions(fractionOf(k / 1000), f(BigInt(k), 1000n))).toBe(0);
      }),
    );
  });
});

describe('fraction arithmetic', () => {
  it.each([
    [f(8n, 10n), f(15n, 100n), f(950n, 1000n)],
    [f(1n, 3n), f(1n, 6n), f(9n, 18n)],
    [f(-1n, 2n), f(1n, 2n), f(0n, 4n)],
  ])('%o + %o is %o', (a, b, expected) => {
    expect(addFractions(a, b)).toEqual(expected);
  });

  it.each([
    [f(950n, 1000n), f(1n, 1n), -1],
    [f(95n, 100n), f(950n, 1000n), 0],
    [f(2n, 3n), f(66n, 100n), 1],
    [f(-1n, 2n), f(0n, 1n), -1],
  ])('compares %o with %o as %i', (a, b, expected) => {
    expect(compareFractions(a, b)).toBe(expected);
  });

  it.each([
    [79n, f(8n, 10n), 100n, true],
    [80n, f(8n, 10n), 100n, false],
    [0n, f(8n, 10n), 0n, false],
    [0n, f(8n, 10n), 1n, true],
    // 0.8 + 0.15 is 0.9500000000000001 as floats: 95 < 95.00000000000001 would wrongly hold
    [95n, addFractions(fractionOf(0.8), fractionOf(0.15)), 100n, false],
    [3n, fractionOf(0.3), 10n, false],
  ])('%s < %o × %s is %s', (part, share, whole, expected) => {
    expect(isBelowShare(part, share, whole)).toBe(expected);
  });

  it.each([
    [1n, 4n, 0.25],
    [3n, 3n, 1],
    [0n, 0n, 0],
    [5n, 0n, 0],
    [-1n, 2n, -0.5],
  ])('ratio(%s, %s) is %s', (part, whole, expected) => {
    expect(ratio(part, whole)).toBe(expected);
  });

  it('sorts bigints by value, where the default sort compares their text', () => {
    expect([3n, -1n, 10n, 2n].sort(compareBigInt)).toEqual([-1n, 2n, 3n, 10n]);
  });
});
