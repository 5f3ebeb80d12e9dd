import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AbcInputError, type AbcOptions, type AbcRevenue, classifyAbc } from './abc.js';
import { AbcClass } from './enums.js';

const { A, B, C } = AbcClass;

// Revenues in cents; ids are the codes, so the expectations read as a table.
const customers = (...rows: [string, bigint][]): AbcRevenue[] =>
  rows.map(([code, revenueCents]) => ({ customerId: code, code, revenueCents }));

type Row = [code: string, cls: AbcClass, revenueCents: bigint, share: number, cumulativeShare: number];

const gradesOf = (rows: Row[]) =>
  rows.map(([code, cls, revenueCents, share, cumulativeShare], index) => ({
    customerId: code,
    code,
    class: cls,
    rank: index + 1,
    revenueCents,
    share,
    cumulativeShare,
  }));

const fivePareto = customers(['K004', 60n], ['K002', 300n], ['K005', 40n], ['K001', 500n], ['K003', 100n]);

describe('classifyAbc', () => {
  it.each<[string, AbcRevenue[], AbcOptions, bigint, Row[]]>([
    [
      // K003 starts exactly at 80% of the total, so it is the first B
      'five customers, one exactly at the A boundary',
      fivePareto,
      {},
      1000n,
      [
        ['K001', A, 500n, 0.5, 0.5],
        ['K002', A, 300n, 0.3, 0.8],
        ['K003', B, 100n, 0.1, 0.9],
        ['K004', B, 60n, 0.06, 0.96],
        ['K005', C, 40n, 0.04, 1],
      ],
    ],
    [
      // exact 95% is not below 0.8 + 0.15, which floats compute as 0.9500000000000001
      'a customer exactly at the B boundary',
      customers(['X', 80n], ['Y', 15n], ['Z', 5n]),
      {},
      100n,
      [
        ['X', A, 80n, 0.8, 0.8],
        ['Y', B, 15n, 0.15, 0.95],
        ['Z', C, 5n, 0.05, 1],
      ],
    ],
    [
      // 0.3 × 10 is 3.0000000000000004 as floats
      'aShare 0.3 with a customer exactly at 30%',
      customers(['P', 3n], ['Q', 3n], ['R', 3n], ['S', 1n]),
      { aShare: 0.3, bShare: 0.7 },
      10n,
      [
        ['P', A, 3n, 0.3, 0.3],
        ['Q', B, 3n, 0.3, 0.6],
        ['R', B, 3n, 0.3, 0.9],
        ['S', B, 1n, 0.1, 1],
      ],
    ],
    [
      'equal revenues, ranked by code',
      customers(['K3', 100n], ['K1', 100n], ['K2', 100n], ['K0', 0n]),
      { aShare: 0.3, bShare: 0.3 },
      300n,
      [
        ['K1', A, 100n, 1 / 3, 1 / 3],
        ['K2', B, 100n, 1 / 3, 2 / 3],
        ['K3', C, 100n, 1 / 3, 1],
        ['K0', C, 0n, 0, 1],
      ],
    ],
    [
      'all zero',
      customers(['b', 0n], ['a', 0n]),
      {},
      0n,
      [
        ['a', C, 0n, 0, 0],
        ['b', C, 0n, 0, 0],
      ],
    ],
    ['a single customer', customers(['ONLY', 12345n]), {}, 12345n, [['ONLY', A, 12345n, 1, 1]]],
    ['no customers', [], {}, 0n, []],
    [
      // returns exceeding purchases: C, and left out of the total the shares are taken of
      'net negative revenue',
      customers(['Y', -50n], ['X', 100n], ['Z', 0n]),
      {},
      100n,
      [
        ['X', A, 100n, 1, 1],
        ['Z', C, 0n, 0, 1],
        ['Y', C, -50n, 0, 1],
      ],
    ],
    [
      'no B class',
      customers(['a', 60n], ['b', 30n], ['c', 10n]),
      { aShare: 0.5, bShare: 0 },
      100n,
      [
        ['a', A, 60n, 0.6, 0.6],
        ['b', C, 30n, 0.3, 0.9],
        ['c', C, 10n, 0.1, 1],
      ],
    ],
    [
      'everyone with revenue in A',
      customers(['a', 60n], ['b', 30n], ['c', 10n], ['d', 0n]),
      { aShare: 1, bShare: 0 },
      100n,
      [
        ['a', A, 60n, 0.6, 0.6],
        ['b', A, 30n, 0.3, 0.9],
        ['c', A, 10n, 0.1, 1],
        ['d', C, 0n, 0, 1],
      ],
    ],
  ])('%s', (_case, input, options, totalCents, rows) => {
    expect(classifyAbc(input, options)).toEqual({
      aShare: options.aShare ?? 0.8,
      bShare: options.bShare ?? 0.15,
      totalCents,
      grades: gradesOf(rows),
    });
  });

  it('ranks ten equal customers by code: the last two start at 80% and 90%', () => {
    const codes = ['K07', 'K10', 'K02', 'K05', 'K01', 'K09', 'K04', 'K03', 'K08', 'K06'];
    const { grades } = classifyAbc(customers(...codes.map((code): [string, bigint] => [code, 100n])));
    expect(grades.map((g) => `${g.code}:${g.class}`).join(' ')).toBe(
      'K01:A K02:A K03:A K04:A K05:A K06:A K07:A K08:A K09:B K10:B',
    );
  });

  it.each<[AbcOptions, string]>([
    [{ aShare: 0 }, 'Invalid aShare 0: expected a number above 0'],
    [{ aShare: -0.1 }, 'Invalid aShare -0.1: expected a number above 0'],
    [{ aShare: Number.NaN }, 'Invalid aShare NaN: expected a number above 0'],
    [{ bShare: -0.01 }, 'Invalid bShare -0.01: expected a number of at least 0'],
    [{ bShare: Number.POSITIVE_INFINITY }, 'Invalid bShare Infinity: expected a number of at least 0'],
    [{ aShare: 0.9, bShare: 0.2 }, 'Invalid shares 0.9 and 0.2: aShare + bShare must not exceed 1'],
    [{ aShare: 1.5, bShare: 0 }, 'Invalid shares 1.5 and 0: aShare + bShare must not exceed 1'],
    [
      { aShare: 0.7, bShare: 0.30000000000000004 },
      'Invalid shares 0.7 and 0.30000000000000004: aShare + bShare must not exceed 1',
    ],
  ])('rejects %o', (options, message) => {
    const classify = () => classifyAbc(fivePareto, options);
    expect(classify).toThrow(new AbcInputError(message));
    expect(classify).toThrow(RangeError);
  });

  it.each<[AbcOptions, string]>([
    [{ aShare: 0.85, bShare: 0.15 }, 'AAABB'],
    [{ aShare: 0.7, bShare: 0.3 }, 'AABBB'],
    [{ aShare: 1, bShare: 0 }, 'AAAAA'],
  ])('accepts shares adding up to exactly 1: %o gives %s', (options, classes) => {
    expect(
      classifyAbc(fivePareto, options)
        .grades.map((g) => g.class)
        .join(''),
    ).toBe(classes);
  });

  it('rejects a customer listed twice', () => {
    const twice = [...fivePareto, { customerId: 'K001', code: 'K001', revenueCents: 1n }];
    expect(() => classifyAbc(twice)).toThrow(new AbcInputError('Customer K001 is listed twice'));
  });
});

describe('properties', () => {
  const revenue = fc.oneof(
    fc.constant(0n),
    fc.constantFrom(100n, 500n),
    fc.bigInt({ min: -1_000n, max: 1_000_000n }),
  );
  const input = fc
    .uniqueArray(fc.record({ code: fc.string({ maxLength: 4 }), revenueCents: revenue }), {
      selector: (c) => c.code,
      maxLength: 40,
    })
    .map((rows) => rows.map((row, i) => ({ customerId: i, ...row })));
  // shares typed in per mille, so an integer oracle can check the exact comparison
  const perMille = fc
    .integer({ min: 1, max: 1000 })
    .chain((a) => fc.tuple(fc.constant(a), fc.integer({ min: 0, max: 1000 - a })));
  const order = { A: 0, B: 1, C: 2 };

  it('matches an integer oracle, ranks by revenue then code, and keeps classes monotone', () => {
    fc.assert(
      fc.property(input, perMille, (rows, [a, b]) => {
        const { grades, totalCents } = classifyAbc(rows, { aShare: a / 1000, bShare: b / 1000 });
        let before = 0n;
        grades.forEach((g, i) => {
          const expected =
            g.revenueCents <= 0n
              ? C
              : before * 1000n < BigInt(a) * totalCents
                ? A
                : before * 1000n < BigInt(a + b) * totalCents
                  ? B
                  : C;
          expect(g.class).toBe(expected);
          expect(g.rank).toBe(i + 1);
          const next = grades[i + 1];
          if (next) {
            expect(order[g.class]).toBeLessThanOrEqual(order[next.class]);
            expect(g.revenueCents >= next.revenueCents).toBe(true);
            if (g.revenueCents === next.revenueCents) expect(g.code < next.code).toBe(true);
          }
          if (g.revenueCents > 0n) before += g.revenueCents;
        });
        expect(totalCents).toBe(before);
        const last = grades.at(-1);
        if (last) expect(last.cumulativeShare).toBe(totalCents > 0n ? 1 : 0);
      }),
    );
  });
});
