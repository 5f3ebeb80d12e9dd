import { StaffRole } from '@dossier/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { type Clock, fixedClock } from '../../core/clock/clock.js';
import type { Staff } from '../staff/staff.entity.js';
import { abcFixtures, type TradingCustomer } from './abc.fixtures.js';
import { abcRankingIsCurrent, refreshAbcRankingIfStale } from './abc.ranking.js';

// The dashboard's classification (totalRevenue, classes) served from the stored ranking must be the one
// computed fresh at every moment: after each kind of order write, and when the business day turns.

// Noon of 2026-06-30 in Beijing: the default period is 2025-07-01..2026-06-30.
const db = await testDatabase({ clock: fixedClock('2026-06-30T04:00:00Z') });
// 01:00 on 2026-07-01 in Beijing, still 06-30 in UTC: the period is 2025-07-02..2026-07-01.
const NEXT_DAY = fixedClock('2026-06-30T17:00:00Z');
const build = builders(db.orm);
const fixtures = abcFixtures(db.orm);
const execute = (sql: string, params: unknown[] = []) => db.orm.em.fork().execute(sql, params);

const manager = await build.staff({}, StaffRole.SALES_MANAGER);
const rep = await build.staff();
const stranger = await build.staff();
const admin = await build.staff({}, StaffRole.ADMIN);
await execute('update staff set manager_id = ? where id = ?', [manager.id, rep.id]);

/** A tie at the A/B boundary (ranked by code), a net return, a line on the period's first day, one idle. */
const CUSTOMERS: Array<TradingCustomer & { owner: Staff | null }> = [
  { code: 'A-BIG', owner: rep, lines: [['2026-01-10', '800.00']] },
  { code: 'B-TIE1', owner: stranger, lines: [['2026-02-01', '100.00']] },
  { code: 'B-TIE2', owner: rep, lines: [['2026-02-01', '100.00']] },
  { code: 'C-MID', owner: null, lines: [['2026-03-01', '60.00']] },
  { code: 'D-LOW', owner: stranger, lines: [['2026-04-01', '20.00']] },
  {
    code: 'E-NEG',
    owner: rep,
    lines: [
      ['2026-05-01', '10.00'],
      ['2026-05-02', '-30.00'],
    ],
  },
  { code: 'F-EDGE', owner: rep, lines: [['2025-07-01', '50.00']] },
  { code: 'G-IDLE', owner: rep },
  { code: 'H-OLD', owner: stranger, lines: [['2025-06-30', '999.00']] },
];

let ids: Map<string, string>;
beforeEach(async () => {
  await fixtures.reset();
  ids = await fixtures.load(CUSTOMERS);
  for (const { code, owner } of CUSTOMERS) {
    await execute('update customer set owner_id = ? where id = ?', [owner?.id ?? null, ids.get(code)]);
  }
});

const FIELDS = 'from to totalRevenue classes { class customers revenue share }';
/** What the dashboard asks: the summary alone, which the stored ranking serves while it is current. */
const SERVED = `{ abcClassification { ${FIELDS} } }`;
/** The same fields with a Pareto curve, which the stored ranking does not serve: computed fresh. */
const FRESH = `{ abcClassification { ${FIELDS} pareto(points: 2) { revenueShare } } }`;

async function classification(document: string, viewer: Staff, clock: Clock) {
  const result = await db.execute<{ abcClassification: Record<string, unknown> }>(
    document,
    {},
    { viewer, clock },
  );
  expect(result.errors).toBeUndefined();
  const { pareto: _, ...summary } = result.data?.abcClassification ?? {};
  return summary;
}

/** The served classifications of the admin and the manager, each checked against the fresh one. */
async function servedAsComputed(clock: Clock = db.clock) {
  const answers = [];
  for (const viewer of [admin, manager]) {
    const served = await classification(SERVED, viewer, clock);
    expect(served).toEqual(await classification(FRESH, viewer, clock));
    answers.push(served);
  }
  return answers;
}

const isCurrent = (clock: Clock = db.clock) => abcRankingIsCurrent(db.orm.em.fork(), clock);
const refresh = (clock: Clock = db.clock) => refreshAbcRankingIfStale(db.orm.em.fork(), clock);

describe('the stored ABC ranking', () => {
  it('serves the fresh classification of an admin and a manager once computed, and is computed once', async () => {
    expect(await isCurrent()).toBe(false);
    const before = await servedAsComputed();
    expect(await refresh()).toBe(true);
    expect(await isCurrent()).toBe(true);
    expect(await refresh()).toBe(false);
    const [forAdmin, forManager] = await servedAsComputed();
    expect([forAdmin, forManager]).toEqual(before);
    // The manager sees their line's and the pool's customers only: the tie at the boundary splits them.
    expect(forManager).toEqual({
      from: '2025-07-01',
      to: '2026-06-30',
      totalRevenue: '1010.00',
      classes: [
        { class: 'A', customers: 2, revenue: '900.00', share: expect.closeTo(900 / 1010, 12) },
        { class: 'B', customers: 2, revenue: '110.00', share: expect.closeTo(110 / 1010, 12) },
        { class: 'C', customers: 2, revenue: '-20.00', share: 0 },
      ],
    });
    expect(forAdmin).toMatchObject({ totalRevenue: '1130.00' });
  });

  it('reads the stored figures while they are current, and none after an order write', async () => {
    await refresh();
    await execute('update abc_ranking_period set total = total + 500, a_revenue = a_revenue + 500');
    await execute(`update abc_ranking set class = 'C' where customer_id = ?`, [ids.get('A-BIG')]);
    expect((await classification(SERVED, admin, db.clock)).totalRevenue).toBe('1135.00');
    expect((await classification(SERVED, manager, db.clock)).classes).toContainEqual({
      class: 'A',
      customers: 1,
      revenue: '100.00',
      share: expect.closeTo(100 / 1010, 12),
    });
    await fixtures.load([{ code: 'I-NEW', lines: [['2026-06-30', '1.00']] }]);
    expect(await isCurrent()).toBe(false);
    const [forAdmin] = await servedAsComputed();
    expect(forAdmin).toMatchObject({ totalRevenue: '1131.00' });
  });

  it.each([
    ['a new order', () => fixtures.load([{ code: 'I-NEW', lines: [['2026-06-30', '300.00']] }])],
    [
      'a line changed',
      () => execute('update order_line set unit_price = 5 where customer_id = ?', [ids.get('C-MID')]),
    ],
    ['a line deleted', () => execute('delete from order_line where customer_id = ?', [ids.get('B-TIE1')])],
  ])('answers as computed fresh after %s, until recomputed', async (_, write) => {
    await refresh();
    const before = await servedAsComputed();
    await write();
    expect(await isCurrent()).toBe(false);
    const after = await servedAsComputed();
    expect(after).not.toEqual(before);
    expect(await refresh()).toBe(true);
    expect(await servedAsComputed()).toEqual(after);
  });

  it('is not current once the business day turned, before midnight in UTC', async () => {
    await refresh();
    expect(await isCurrent(NEXT_DAY)).toBe(false);
    // F-EDGE's line was on the first day of the old period only.
    const [forAdmin] = await servedAsComputed(NEXT_DAY);
    expect(forAdmin).toMatchObject({ from: '2025-07-02', to: '2026-07-01', totalRevenue: '1080.00' });
    expect(await refresh(NEXT_DAY)).toBe(true);
    expect(await isCurrent(NEXT_DAY)).toBe(true);
    expect((await servedAsComputed(NEXT_DAY))[0]).toMatchObject({ totalRevenue: '1080.00' });
    // The stored next day is not the current one for a clock still on the day before.
    expect(await isCurrent()).toBe(false);
  });

  it('answers the summary in one statement, stored or fresh', async () => {
    for (const stored of [false, true]) {
      if (stored) await refresh();
      expect(await isCurrent()).toBe(stored);
      const statements = await db.captureSql(() => classification(SERVED, manager, db.clock));
      expect(
        statements.filter((s) => s.includes('abc_ranking') || s.includes('customer_day_revenue')),
      ).toHaveLength(1);
    }
  });
});
