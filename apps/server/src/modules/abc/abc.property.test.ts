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
  StaffRole,
  summarizeClasses,
} from '@dossier/domain';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { encodeCursor } from '../../core/pagination/cursor.js';
import type { Staff } from '../staff/staff.entity.js';
import { abcFixtures, type TradingCustomer } from './abc.fixtures.js';
import { abcPeriod } from './abc.period.js';
import { refreshAbcSnapshot } from './abc.snapshot.js';

// The SQL (the fresh classification through GraphQL, and the snapshot refresh) against the pure rule of
// packages/domain on random data: few customers and amounts, so that ties, boundaries hit exactly,
// returns, customers without lines and customers created during the periods all come up often.

// Noon of TODAY in Beijing.
const db = await testDatabase({ clock: fixedClock('2026-06-30T04:00:00Z') });
const fixtures = abcFixtures(db.orm);
let viewer: Staff;
beforeAll(async () => {
  viewer = await builders(db.orm).staff({}, StaffRole.ANALYST);
});

// The snapshot's default period for TODAY, which the fresh classification is asked for too.
const TODAY = '2026-06-30';
const PERIOD = abcPeriod('2025-07-01', TODAY);
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
const scenario = fc.record({
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

const QUERY = `query ($input: AbcInput, $points: Int, $first: Int, $after: String, $cls: AbcClass,
    $way: AbcMovementWay) {
  abcClassification(input: $input) {
    totalRevenue
    classes { class customers revenue share }
    pareto(points: $points) { customerShare revenueShare }
    movements { from to customers }
    all: customers(first: 200) { nodes { customer { code } grade { class revenue share cumulativeShare rank previousClass } } }
    page: customers(first: $first, after: $after, class: $cls) {
      totalCount pageInfo { hasNextPage } nodes { customer { code } grade { rank } }
    }
    up: customers(movement: UP, first: 200) { totalCount nodes { customer { code } grade { rank } } }
    movers: customers(movement: $way, first: $first, after: $after, class: $cls) {
      totalCount pageInfo { hasNextPage } nodes { customer { code } grade { class revenue share cumulativeShare rank previousClass } }
    }
  }
}`;

const MOVEMENTS = `query ($input: AbcInput) { abcClassification(input: $input) { movements { from to customers } } }`;

interface Node {
  customer: { code: string };
  grade: { rank: number } & Record<string, unknown>;
}
interface Answer {
  totalRevenue: string;
  classes: unknown[];
  pareto: unknown[];
  movements: unknown[];
  all: { nodes: Node[] };
  page: { totalCount: number; pageInfo: { hasNextPage: boolean }; nodes: Node[] };
  up: { totalCount: number; nodes: Node[] };
  movers: { totalCount: number; pageInfo: { hasNextPage: boolean }; nodes: Node[] };
}

const cents = (c: TradingCustomer, from: string, to: string) =>
  (c.lines ?? []).filter(([d]) => d >= from && d <= to).reduce((sum, [, a]) => sum + parseMoney(a), 0n);

function expected(customers: TradingCustomer[], aShare: number, bShare: number) {
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

describe('ABC classification in SQL', () => {
  it('equals classifyAbc, abcMovements, summarizeClasses and paretoCurve on 200 random cases', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ customers, a, b, points, page }) => {
        const [aShare, bShare] = [a / 1000, Math.min(b, 1000 - a) / 1000];
        await fixtures.reset();
        await fixtures.load(customers);
        const { current, previous, grades } = expected(customers, aShare, bShare);

        const after = encodeCursor({ value: page.after, id: '00000000-0000-0000-0000-000000000000' });
        const input = { from: PERIOD.from, to: PERIOD.to, aShare, bShare };
        const result = await db.execute<{ abcClassification: Answer }>(
          QUERY,
          { input, points, first: page.first, after, cls: page.cls, way: page.way },
          { viewer },
        );
        expect(result.errors).toBeUndefined();
        const got = result.data?.abcClassification as Answer;
        expect(got.totalRevenue).toBe(formatCents(current.totalCents));
        expect(got.classes).toEqual(
          summarizeClasses(current.grades).map((s) => ({
            ...s,
            revenue: formatCents(s.revenueCents),
            revenueCents: undefined,
          })),
        );
        expect(got.pareto).toEqual(
          paretoCurve(
            current.grades.map((g) => g.revenueCents),
            points,
          ),
        );
        const movements = abcMovements(current.grades, previous.grades);
        expect(got.movements).toEqual(movements);
        // Without a page listing everyone, only the tie groups at class boundaries are re-ranked by code.
        const alone = await db.execute(MOVEMENTS, { input }, { viewer });
        expect(alone.data?.abcClassification).toEqual({ movements });
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
                cents(c, PERIOD.previousFrom, PERIOD.previousTo) > 0n &&
                cents(c, PERIOD.from, PERIOD.to) <= 0n,
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

        await refreshAbcSnapshot(db.orm.em.fork(), db.clock);
        const snapshot = expected(customers, 0.8, 0.15).grades;
        const rows = await db.orm.em.fork().execute(
          `select c.code, g.class, g.revenue::text as revenue, g.share, g.cumulative_share as "cumulativeShare",
                  g.rank, g.previous_class as "previousClass"
           from abc_grade g join customer c on c.id = g.customer_id order by g.rank`,
        );
        expect(rows).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  }, 300_000);
});
