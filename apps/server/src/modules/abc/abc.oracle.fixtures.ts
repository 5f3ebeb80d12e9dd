import {
  AbcClass,
  AbcMovementWay,
  type AbcRevenue,
  abcMovements,
  addDays,
  classifyAbc,
  formatCents,
  paretoCurve,
  parseMoney,
  ratio,
  summarizeClasses,
} from '@dossier/domain';
import fc from 'fast-check';
import { expect } from 'vitest';
import { encodeCursor } from '../../core/pagination/cursor.js';
import type { TradingCustomer } from './abc.fixtures.js';
import { abcPeriod } from './abc.period.js';

// The classification's oracle for the tests: random cases, one query asking for every part, and what
// packages/domain's pure rule says the answer is, for everyone or for a viewer who sees some customers.

// The snapshot's default period for TODAY, which the fresh classification is asked for too.
export const TODAY = '2026-06-30';
export const PERIOD = abcPeriod('2025-07-01', TODAY);
// The period starts at midnight in Beijing: 16:00 UTC the day before.
const EXISTED_BEFORE = Date.parse('2025-06-30T16:00:00Z');

const day = fc.integer({ min: -3, max: 732 }).map((offset) => addDays(PERIOD.previousFrom, offset));
const amount = fc.constantFrom('0.00', '1.00', '2.50', '5.00', '10.00', '10.00', '-1.00', '-7.50', '100.00');
const customer = fc.record({
  // ASCII, where byte order (COLLATE "C") and UTF-16 order (classifyAbc) agree
  code: fc.stringMatching(/^[A-Za-z0-9]{1,3}$/),
  createdAt: fc.constantFrom(
    '2024-01-01T00:00:00Z',
    '2025-06-30T15:59:59Z',
    '2025-06-30T16:00:00Z',
    '2026-01-01T00:00:00Z',
  ),
  lines: fc.array(fc.tuple(day, amount), { maxLength: 5 }),
});
export const scenario = fc.record({
  customers: fc.uniqueArray(customer, { selector: (c) => c.code, maxLength: 20 }),
  // per mille, so that exact boundaries come up
  a: fc.integer({ min: 1, max: 1000 }),
  b: fc.integer({ min: 0, max: 1000 }),
  points: fc.integer({ min: 2, max: 30 }),
  page: fc.record({
    cls: fc.constantFrom(null, AbcClass.A, AbcClass.B, AbcClass.C),
    way: fc.constantFrom(AbcMovementWay.UP, AbcMovementWay.DOWN),
    after: fc.integer({ min: 0, max: 22 }),
    first: fc.integer({ min: 1, max: 4 }),
  }),
});

export const QUERY = `query ($input: AbcInput, $points: Int, $first: Int, $after: String, $cls: AbcClass,
    $way: AbcMovementWay) {
  abcClassification(input: $input) {
    totalRevenue
    classes { class customers revenue share }
    pareto(points: $points) { customerShare revenueShare }
    movements { from to customers }
    all: customers(first: 200) { nodes { customer { id code } grade { class revenue share cumulativeShare rank previousClass } } }
    page: customers(first: $first, after: $after, class: $cls) {
      totalCount pageInfo { hasNextPage } nodes { customer { id code } grade { rank } }
    }
    up: customers(movement: UP, first: 200) { totalCount nodes { customer { id code } grade { rank } } }
    movers: customers(movement: $way, first: $first, after: $after, class: $cls) {
      totalCount pageInfo { hasNextPage } nodes { customer { id code } grade { class revenue share cumulativeShare rank previousClass } }
    }
  }
}`;

interface Node {
  customer: { id: string; code: string };
  grade: { rank: number } & Record<string, unknown>;
}
export interface Answer {
  totalRevenue: string;
  classes: unknown[];
  pareto: unknown[];
  movements: unknown[];
  all: { nodes: Node[] };
  page: { totalCount: number; pageInfo: { hasNextPage: boolean }; nodes: Node[] };
  up: { totalCount: number; nodes: Node[] };
  movers: { totalCount: number; pageInfo: { hasNextPage: boolean }; nodes: Node[] };
}

export const cents = (c: TradingCustomer, from: string, to: string) =>
  (c.lines ?? []).filter(([d]) => d >= from && d <= to).reduce((sum, [, a]) => sum + parseMoney(a), 0n);

export function expected(customers: TradingCustomer[], aShare: number, bShare: number) {
  const revenue =
    (from: string, to: string) =>
    (c: TradingCustomer): AbcRevenue => ({
      customerId: c.code,
      code: c.code,
      revenueCents: cents(c, from, to),
    });
  const existed = customers.filter(
    (c) =>
      Date.parse(c.createdAt ?? '') < EXISTED_BEFORE ||
      (c.lines ?? []).some(([d]) => d >= PERIOD.previousFrom && d <= PERIOD.previousTo),
  );
  const current = classifyAbc(customers.map(revenue(PERIOD.from, PERIOD.to)), { aShare, bShare });
  const previous = classifyAbc(existed.map(revenue(PERIOD.previousFrom, PERIOD.previousTo)), {
    aShare,
    bShare,
  });
  const previousClass = new Map(previous.grades.map((g) => [g.code, g.class]));
  const grades = current.grades.map((g) => ({
    code: g.code,
    class: g.class,
    revenue: formatCents(g.revenueCents),
    share: g.share,
    cumulativeShare: g.cumulativeShare,
    rank: g.rank,
    previousClass: previousClass.get(g.code) ?? null,
  }));
  return { current, previous, grades };
}

/**
 * The grades a viewer who sees the customers `sees` accepts reads, by rank: company-wide ranks and classes,
 * shares of the revenue they see, cumulated over what they see ranked above.
 */
export function bookGrades(
  customers: TradingCustomer[],
  aShare: number,
  bShare: number,
  sees: (code: string) => boolean,
) {
  const { current, grades: everyGrade } = expected(customers, aShare, bShare);
  const shown = current.grades.filter((g) => sees(g.code));
  const bookTotal = shown.reduce((sum, g) => sum + (g.revenueCents > 0n ? g.revenueCents : 0n), 0n);
  let through = 0n;
  const bookShares = new Map(
    shown.map((g) => {
      const counted = g.revenueCents > 0n ? g.revenueCents : 0n;
      through += counted;
      return [g.code, { share: ratio(counted, bookTotal), cumulativeShare: ratio(through, bookTotal) }];
    }),
  );
  const grades = everyGrade.filter((g) => sees(g.code)).map((g) => ({ ...g, ...bookShares.get(g.code) }));
  return { grades, bookTotal };
}

/** A case: customers, shares per mille, Pareto points, a page of the ranking and one of movers. */
export interface Scenario {
  customers: TradingCustomer[];
  a: number;
  b: number;
  points: number;
  page: { cls: AbcClass | null; way: AbcMovementWay; after: number; first: number };
}

/**
 * The answer to QUERY for a viewer who sees the customers `sees` accepts: company-wide ranks, classes and
 * grades; every list, count, total, class summary, Pareto curve and movement of the visible customers only.
 */
export function expectAnswer(got: Answer, scenario: Scenario, sees: (code: string) => boolean) {
  const { points, page } = scenario;
  const { aShare, bShare } = variablesOf(scenario).input;
  const { customers } = scenario;
  const { current, previous } = expected(customers, aShare, bShare);
  const shown = current.grades.filter((g) => sees(g.code));
  const { grades, bookTotal } = bookGrades(customers, aShare, bShare, sees);
  expect(got.totalRevenue).toBe(formatCents(bookTotal));
  expect(got.classes).toEqual(
    summarizeClasses(shown).map((s) => ({
      ...s,
      revenue: formatCents(s.revenueCents),
      revenueCents: undefined,
    })),
  );
  expect(got.pareto).toEqual(
    paretoCurve(
      shown.map((g) => g.revenueCents),
      points,
    ),
  );
  expect(got.movements).toEqual(abcMovements(shown, previous.grades));
  expect(got.all.nodes.map((n) => ({ code: n.customer.code, ...n.grade }))).toEqual(grades);

  const inClass = grades.filter((g) => page.cls === null || g.class === page.cls);
  const rest = inClass.filter((g) => g.rank > page.after);
  expect(got.page.nodes.map((n) => n.grade.rank)).toEqual(rest.slice(0, page.first).map((g) => g.rank));
  expect(got.page.pageInfo.hasNextPage).toBe(rest.length > page.first);
  expect(got.page.totalCount).toBe(inClass.length);

  // Up: a better class than before; down: a worse one, or revenue before and none now (lost).
  const lost = new Set(
    customers
      .filter(
        (c) =>
          cents(c, PERIOD.previousFrom, PERIOD.previousTo) > 0n && cents(c, PERIOD.from, PERIOD.to) <= 0n,
      )
      .map((c) => c.code),
  );
  const moved = (way: AbcMovementWay) =>
    grades.filter((g) =>
      g.previousClass === null
        ? false
        : way === AbcMovementWay.UP
          ? g.class < g.previousClass
          : g.class > g.previousClass || lost.has(g.code),
    );
  const ups = moved(AbcMovementWay.UP);
  expect(got.up.nodes.map((n) => n.customer.code)).toEqual(ups.map((g) => g.code));
  expect(got.up.totalCount).toBe(ups.length);
  const wayInClass = moved(page.way).filter((g) => page.cls === null || g.class === page.cls);
  const wayRest = wayInClass.filter((g) => g.rank > page.after);
  expect(got.movers.nodes.map((n) => ({ code: n.customer.code, ...n.grade }))).toEqual(
    wayRest.slice(0, page.first),
  );
  expect(got.movers.pageInfo.hasNextPage).toBe(wayRest.length > page.first);
  expect(got.movers.totalCount).toBe(wayInClass.length);
}

/** QUERY's variables for a scenario: its period and shares, its page and movers list. */
export function variablesOf({ a, b, points, page }: Scenario) {
  const [aShare, bShare] = [a / 1000, Math.min(b, 1000 - a) / 1000];
  const after = encodeCursor({ value: page.after, id: '00000000-0000-0000-0000-000000000000' });
  const input = { from: PERIOD.from, to: PERIOD.to, aShare, bShare };
  return { input, points, first: page.first, after, cls: page.cls, way: page.way };
}
