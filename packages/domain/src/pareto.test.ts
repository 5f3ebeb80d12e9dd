import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AbcInputError } from './abc.js';
import { paretoCurve } from './pareto.js';

describe('paretoCurve', () => {
  const point = (customerShare: number, revenueShare: number) => ({ customerShare, revenueShare });

  it.each([
    ['no customers', [], 100, []],
    ['no revenue', [0n, 0n], 100, []],
    ['only returns', [-5n], 100, []],
    ['one customer', [100n], 100, [point(0, 0), point(1, 1)]],
    [
      'unsorted input',
      [10n, 30n, 60n],
      100,
      [point(0, 0), point(1 / 3, 0.6), point(2 / 3, 0.9), point(1, 1)],
    ],
    ['two points', [10n, 30n, 60n], 2, [point(0, 0), point(1, 1)]],
    ['three of five', [10n, 40n, 20n, 30n], 3, [point(0, 0), point(0.5, 0.7), point(1, 1)]],
    [
      'four of eleven',
      Array.from({ length: 10 }, () => 100n),
      4,
      [point(0, 0), point(0.3, 0.3), point(0.7, 0.7), point(1, 1)],
    ],
    [
      'a flat tail of customers without revenue',
      [50n, 0n, 50n, 0n],
      100,
      [point(0, 0), point(0.25, 0.5), point(0.5, 1), point(0.75, 1), point(1, 1)],
    ],
  ])('%s', (_case, revenues, points, expected) => {
    expect(paretoCurve(revenues, points)).toEqual(expected);
  });

  it.each([1, 0, 1.5, Number.NaN])('rejects %s points', (points) => {
    expect(() => paretoCurve([1n], points)).toThrow(
      new AbcInputError(`Invalid points ${points}: expected a whole number of at least 2`),
    );
  });
});

describe('paretoCurve properties', () => {
  const revenue = fc.oneof(fc.constant(0n), fc.bigInt({ min: -1_000n, max: 1_000_000n }));

  it('draws a rising curve from (0, 0) to (1, 1) with at most the points asked for', () => {
    fc.assert(
      fc.property(
        fc.array(revenue, { maxLength: 300 }),
        fc.integer({ min: 2, max: 50 }),
        (revenues, points) => {
          const curve = paretoCurve(revenues, points);
          if (!revenues.some((r) => r > 0n)) {
            expect(curve).toEqual([]);
            return;
          }
          expect(curve.length).toBeLessThanOrEqual(points);
          expect(curve[0]).toEqual({ customerShare: 0, revenueShare: 0 });
          expect(curve.at(-1)).toEqual({ customerShare: 1, revenueShare: 1 });
          curve.slice(1).forEach((p, i) => {
            const previous = curve[i] ?? p;
            expect(p.customerShare).toBeGreaterThan(previous.customerShare);
            expect(p.revenueShare).toBeGreaterThanOrEqual(previous.revenueShare);
          });
        },
      ),
    );
  });
});
