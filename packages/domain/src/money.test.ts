import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  compareMoney,
  DecimalFormatError,
  type DecimalFormatReason,
  divideRoundHalfUp,
  formatCents,
  formatDecimal,
  lineAmount,
  lineAmountCents,
  parseDecimal,
  parseMoney,
  subtractMoney,
  tryParseDecimal,
} from './money.js';

describe('parseDecimal', () => {
  it.each([
    ['0', 2, 0n],
    ['1', 2, 100n],
    ['1.5', 2, 150n],
    ['1234.50', 2, 123450n],
    ['-0.01', 2, -1n],
    ['-0', 2, 0n],
    ['007.10', 2, 710n],
    ['999999999999.99', 2, 99999999999999n],
    ['000000000000001.00', 2, 100n],
    ['0.1250', 4, 1250n],
    ['1', 4, 10000n],
    ['12', 0, 12n],
  ])('parses %j at scale %i as %s', (input, scale, expected) => {
    expect(parseDecimal(input, { scale })).toBe(expected);
  });

  it.each([
    ['', 'EMPTY', 'Invalid decimal: the value is empty'],
    [
      '1e5',
      'SYNTAX',
      'Invalid decimal "1e5": expected digits with an optional leading "-" and an optional fraction, such as "1234.50"',
    ],
    [
      '1.234',
      'TOO_MANY_FRACTION_DIGITS',
      'Invalid decimal "1.234": at most 2 digits are allowed after the decimal point',
    ],
    [
      '1000000000000',
      'TOO_MANY_INTEGER_DIGITS',
      'Invalid decimal "1000000000000": at most 12 digits are allowed before the decimal point',
    ],
  ])('rejects %j as %s with a message naming the input', (input, reason, message) => {
    expect(() => parseDecimal(input)).toThrow(
      new DecimalFormatError(input, reason as DecimalFormatReason, message),
    );
    const result = tryParseDecimal(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(DecimalFormatError);
    expect(result.error.name).toBe('DecimalFormatError');
    expect(result.error.reason).toBe(reason);
    expect(result.error.input).toBe(input);
    expect(result.error.message).toBe(message);
  });

  it.each([
    ' 1',
    '1 ',
    '1 000',
    '1,000.00',
    'NaN',
    'Infinity',
    '-Infinity',
    '+1',
    '.5',
    '5.',
    '-',
    '--1',
    '1.2.3',
    '0x10',
    '１２',
    '1.5e-2',
  ])('rejects %j as a syntax error', (input) => {
    expect(tryParseDecimal(input)).toMatchObject({ ok: false, error: { reason: 'SYNTAX', input } });
  });

  it.each([
    ['1.23456', { scale: 4 }, 'TOO_MANY_FRACTION_DIGITS'],
    ['-1000000000000.00', {}, 'TOO_MANY_INTEGER_DIGITS'],
    ['100', { maxIntegerDigits: 2 }, 'TOO_MANY_INTEGER_DIGITS'],
    ['1.5', { scale: 0 }, 'TOO_MANY_FRACTION_DIGITS'],
  ])('rejects %j with options %j as %s', (input, options, reason) => {
    expect(tryParseDecimal(input, options)).toMatchObject({ ok: false, error: { reason } });
  });

  it('returns the value in the success result', () => {
    expect(tryParseDecimal('-12.3')).toEqual({ ok: true, value: -1230n });
  });
});

describe('formatting', () => {
  it.each([
    [0n, '0.00'],
    [5n, '0.05'],
    [-5n, '-0.05'],
    [50n, '0.50'],
    [-100n, '-1.00'],
    [123450n, '1234.50'],
    [99999999999999n, '999999999999.99'],
    [10n ** 20n, '1000000000000000000.00'],
  ])('formatCents(%s) is %j', (cents, expected) => {
    expect(formatCents(cents)).toBe(expected);
  });

  it.each([
    [1250n, 4, '0.1250'],
    [12n, 0, '12'],
    [-7n, 3, '-0.007'],
    [-12345n, 1, '-1234.5'],
  ])('formatDecimal(%s, %i) is %j', (units, scale, expected) => {
    expect(formatDecimal(units, scale)).toBe(expected);
  });

  it('round-trips every cents value through its string', () => {
    const cents = fc.bigInt({ min: -(10n ** 14n) + 1n, max: 10n ** 14n - 1n });
    fc.assert(
      fc.property(cents, (c) => {
        const text = formatCents(c);
        expect(text).toMatch(/^-?\d+\.\d\d$/);
        expect(parseMoney(text)).toBe(c);
      }),
    );
  });
});

describe('money arithmetic', () => {
  it.each([
    [['0.10', '0.20'], '0.30'],
    [['1', '2.5', '-0.5'], '3.00'],
    [['-1.00'], '-1.00'],
    [['999999999999.99', '0.01'], '1000000000000.00'],
    [['0.01', '-0.01'], '0.00'],
  ])('addMoney(%j) is %j', ([first = '', ...rest], expected) => {
    expect(addMoney(first, ...rest)).toBe(expected);
  });

  it.each([
    ['0.30', '0.10', '0.20'],
    ['1', '2', '-1.00'],
    ['-5.5', '-5.50', '0.00'],
  ])('subtractMoney(%j, %j) is %j', (a, b, expected) => {
    expect(subtractMoney(a, b)).toBe(expected);
  });

  it.each([
    ['1.5', '1.50', 0],
    ['-1', '0', -1],
    ['10', '9.99', 1],
    ['-0.01', '-0.02', 1],
    ['-0', '0.00', 0],
  ])('compareMoney(%j, %j) is %i', (a, b, expected) => {
    expect(compareMoney(a, b)).toBe(expected);
  });

  it('sorts amounts by value, not as text', () => {
    expect(['10.00', '9.5', '-2', '100'].sort(compareMoney)).toEqual(['-2', '9.5', '10.00', '100']);
  });

  it('rejects a malformed amount', () => {
    expect(() => addMoney('1.00', '1,00')).toThrow(DecimalFormatError);
  });
});

describe('divideRoundHalfUp', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [-5n, -2n, 3n],
    [4n, 2n, 2n],
    [7n, 3n, 2n],
    [8n, 3n, 3n],
    [-8n, 3n, -3n],
    [-7n, 3n, -2n],
    [0n, 5n, 0n],
    [49n, 100n, 0n],
    [50n, 100n, 1n],
    [-50n, 100n, -1n],
  ])('%s / %s is %s', (n, d, expected) => {
    expect(divideRoundHalfUp(n, d)).toBe(expected);
  });

  it('refuses to divide by zero', () => {
    expect(() => divideRoundHalfUp(1n, 0n)).toThrow(new RangeError('Division by zero'));
  });
});

describe('lineAmountCents', () => {
  it.each([
    [3, '10.00', '0', 3000n],
    // 4.5 cents: half rounds up, and the return mirrors the sale
    [1, '0.05', '0.1', 5n],
    [-1, '0.05', '0.1', -5n],
    [1, '0.05', '0.3', 4n],
    [1, '0.01', '0.5', 1n],
    [1, '0.01', '0.5001', 0n],
    [1, '0.01', '0.4999', 1n],
    // floats give 0.22499999999999998 here and would round to 22 cents
    [3, '0.15', '0.5', 23n],
    [-3, '0.15', '0.5', -23n],
    [7, '3.33', '0.15', 1981n],
    [2, '19.99', '0.125', 3498n],
    [1, '19.99', '0.0001', 1999n],
    [0, '99.99', '0.2', 0n],
    [5, '-2.00', '0', -1000n],
    [-5, '-2.00', '0', 1000n],
    [1, '100', '1', 0n],
    [1, '100', '1.0000', 0n],
    [1_000_000, '999999999999.99', '0', 99999999999999000000n],
  ])('%i × %s less %s is %s cents', (quantity, unitPrice, discount, expected) => {
    expect(lineAmountCents(quantity, unitPrice, discount)).toBe(expected);
  });

  it.each([
    [1.5, '1', '0', new RangeError('Invalid quantity 1.5: expected a whole number')],
    [Number.NaN, '1', '0', new RangeError('Invalid quantity NaN: expected a whole number')],
    [2 ** 53, '1', '0', new RangeError('Invalid quantity 9007199254740992: expected a whole number')],
    [1, '1', '1.5', new RangeError('Invalid discount "1.5": expected a fraction from 0 to 1')],
    [1, '1', '-0.1', new RangeError('Invalid discount "-0.1": expected a fraction from 0 to 1')],
    [1, '1', '10', new RangeError('Invalid discount "10": expected a fraction from 0 to 1')],
  ])('rejects quantity %s, price %j, discount %j', (quantity, unitPrice, discount, error) => {
    expect(() => lineAmountCents(quantity, unitPrice, discount)).toThrow(error);
  });

  it.each([
    [1, '1.001', '0'],
    [1, '1', '0.12345'],
    [1, '1', ''],
  ])('rejects malformed decimals in quantity %s, price %j, discount %j', (q, price, discount) => {
    expect(() => lineAmountCents(q, price, discount)).toThrow(DecimalFormatError);
  });

  it('formats as a Decimal', () => {
    expect(lineAmount(2, '19.99', '0.125')).toBe('34.98');
  });

  const quantity = fc.integer({ min: -100_000, max: 100_000 });
  const price = fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }).map(formatCents);
  const discountUnits = fc.integer({ min: 0, max: 10_000 });

  it('is within half a cent of the exact product', () => {
    fc.assert(
      fc.property(quantity, price, discountUnits, (q, p, d) => {
        const cents = lineAmountCents(q, p, formatDecimal(BigInt(d), 4));
        const exact = BigInt(q) * parseMoney(p) * BigInt(10_000 - d);
        const error = cents * 10_000n - exact;
        expect(error <= 5_000n && error >= -5_000n).toBe(true);
      }),
    );
  });

  it('makes a return the exact negative of the sale', () => {
    fc.assert(
      fc.property(quantity, price, discountUnits, (q, p, d) => {
        const discount = formatDecimal(BigInt(d), 4);
        expect(lineAmountCents(-q, p, discount)).toBe(-lineAmountCents(q, p, discount));
      }),
    );
  });
});
