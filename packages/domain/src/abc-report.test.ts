import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AbcRevenue, classifyAbc } from './abc.js';
import { abcMovements, summarizeClasses } from './abc-report.js';
import { AbcClass } from './enums.js';

const { A, B, C } = AbcClass;

const customers = (...rows: [string, bigint][]): AbcRevenue[] =>
  rows.map(([code, revenueCents]) => ({ customerId: code, code, revenueCents }));

const fivePareto = customers(['K004', 60n], ['K002', 300n], ['K005', 40n], ['K001', 500n], ['K003', 100n]);

describe('abcMovements', () => {
  const grade = (customerId: number, cls: AbcClass) => ({ customerId, class: cls });

  it('counts customers per (previous, current) class, new customers from null', () => {
    const current = [grade(1, A), grade(2, B), grade(3, C), grade(4, A), grade(5, C), grade(7, B)];
    // customer 6 is gone: it has no current class to move to
    const previous = [grade(1, A), grade(2, A), grade(3, B), grade(5, C), grade(6, C), grade(7, A)];
    expect(abcMovements(current, previous)).toEqual([
      { from: A, to: A, customers: 1 },
      { from: A, to: B, customers: 2 },
      { from: B, to: C, customers: 1 },
      { from: C, to: C, customers: 1 },
      { from: null, to: A, customers: 1 },
    ]);
  });

  it.each([
    [[], [], []],
    [[grade(1, C)], [], [{ from: null, to: C, customers: 1 }]],
    [[grade(1, A)], [grade(1, C)], [{ from: C, to: A, customers: 1 }]],
  ])('moves %j from %j as %j', (current, previous, expected) => {
    expect(abcMovements(current, previous)).toEqual(expected);
  });
});

describe('summarizeClasses', () => {
  it.each([
    [
      'the five-customer example',
      classifyAbc(fivePareto).grades,
      [
        { class: A, customers: 2, revenueCents: 800n, share: 0.8 },
        { class: B, customers: 2, revenueCents: 160n, share: 0.16 },
        { class: C, customers: 1, revenueCents: 40n, share: 0.04 },
      ],
    ],
    [
      'a net negative customer',
      classifyAbc(customers(['Y', -50n], ['X', 100n], ['Z', 0n])).grades,
      [
        { class: A, customers: 1, revenueCents: 100n, share: 1 },
        { class: B, customers: 0, revenueCents: 0n, share: 0 },
        { class: C, customers: 2, revenueCents: -50n, share: 0 },
      ],
    ],
    [
      'no customers',
      [],
      [
        { class: A, customers: 0, revenueCents: 0n, share: 0 },
        { class: B, customers: 0, revenueCents: 0n, share: 0 },
        { class: C, customers: 0, revenueCents: 0n, share: 0 },
      ],
    ],
  ])('%s', (_case, grades, expected) => {
    expect(summarizeClasses(grades)).toEqual(expected);
  });
});

describe('report properties', () => {
  const input = fc
    .uniqueArray(
      fc.record({
        code: fc.string({ maxLength: 4 }),
        revenueCents: fc.bigInt({ min: -1_000n, max: 1_000_000n }),
      }),
      {
        selector: (c) => c.code,
        maxLength: 40,
      },
    )
    .map((rows) => rows.map((row, i) => ({ customerId: i, ...row })));

  it('summarizes and moves every customer exactly once', () => {
    fc.assert(
      fc.property(input, input, (current, previous) => {
        const now = classifyAbc(current).grades;
        const summary = summarizeClasses(now);
        expect(summary.reduce((n, s) => n + s.customers, 0)).toBe(now.length);
        expect(summary.reduce((sum, s) => sum + s.revenueCents, 0n)).toBe(
          current.reduce((sum, c) => sum + c.revenueCents, 0n),
        );
        const moves = abcMovements(now, classifyAbc(previous).grades);
        expect(moves.reduce((n, m) => n + m.customers, 0)).toBe(now.length);
      }),
    );
  });
});
