import { StaffRole } from '@dossier/domain';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { createLogger } from '../../core/logger.js';
import { DossierMetrics } from '../../core/metrics/metrics.js';
import type { Staff } from '../staff/staff.entity.js';
import { abcFixtures, buyer } from './abc.fixtures.js';
import { startAbcSchedule } from './abc.schedule.js';
import { refreshAbcSnapshot, refreshAbcSnapshotIfStale } from './abc.snapshot.js';

// Noon of TODAY in Beijing.
const db = await testDatabase({ clock: fixedClock('2026-06-30T04:00:00Z') });
const fixtures = abcFixtures(db.orm);
let viewer: Staff;

beforeAll(async () => {
  viewer = await builders(db.orm).staff({}, StaffRole.ANALYST);
});
beforeEach(() => fixtures.reset());

// TODAY's default period is 2025-07-01..2026-06-30, the previous one 2024-07-01..2025-06-30.
const TODAY = '2026-06-30';

const ABC = `{
  customers(first: 200) { nodes { code abc { class revenue share cumulativeShare rank previousClass asOf } } }
}`;

type Grade = {
  class: string;
  revenue: string;
  share: number;
  cumulativeShare: number;
  rank: number;
  previousClass: string | null;
  asOf: string | null;
};

async function grades(): Promise<Record<string, Grade>> {
  const result = await db.execute<{ customers: { nodes: Array<{ code: string; abc: Grade }> } }>(
    ABC,
    {},
    { viewer },
  );
  expect(result.errors).toBeUndefined();
  return Object.fromEntries((result.data?.customers.nodes ?? []).map((n) => [n.code, n.abc]));
}

const snapshotRow = async () =>
  (
    await db.orm.em
      .fork()
      .execute(
        'select period_from::text, period_to::text, a_share, b_share, total_revenue::text, customers from analytics_snapshot',
      )
  )[0];

describe('the ABC snapshot', () => {
  it('grades every customer for the 12 months up to today, read by Customer.abc with its asOf', async () => {
    await fixtures.load([
      {
        code: 'BIG',
        lines: [
          ['2025-07-01', '800.00'],
          ['2024-08-01', '10.00'],
        ],
      },
      {
        code: 'MID',
        lines: [
          ['2026-06-30', '150.00'],
          ['2024-08-01', '990.00'],
        ],
      },
      {
        code: 'LOW',
        lines: [
          ['2026-01-01', '50.00'],
          ['2026-07-01', '999.00'],
        ],
      },
      { code: 'NEW', createdAt: '2025-08-01T00:00:00Z' },
    ]);
    const snapshot = await refreshAbcSnapshot(db.orm.em.fork(), db.clock);
    expect(snapshot).toMatchObject({
      from: '2025-07-01',
      to: TODAY,
      totalRevenue: '1000.00',
      customers: 4,
      changed: 4,
    });
    expect(await snapshotRow()).toEqual({
      period_from: '2025-07-01',
      period_to: TODAY,
      a_share: 0.8,
      b_share: 0.15,
      total_revenue: '1000.00',
      customers: 4,
    });
    const asOf = snapshot.asOf.toISOString();
    expect(await grades()).toEqual({
      BIG: {
        class: 'A',
        revenue: '800.00',
        share: 0.8,
        cumulativeShare: 0.8,
        rank: 1,
        previousClass: 'C',
        asOf,
      },
      MID: {
        class: 'B',
        revenue: '150.00',
        share: 0.15,
        cumulativeShare: 0.95,
        rank: 2,
        previousClass: 'A',
        asOf,
      },
      LOW: {
        class: 'C',
        revenue: '50.00',
        share: 0.05,
        cumulativeShare: 1,
        rank: 3,
        previousClass: 'C',
        asOf,
      },
      NEW: { class: 'C', revenue: '0.00', share: 0, cumulativeShare: 1, rank: 4, previousClass: null, asOf },
    });
  });

  it('rewrites only the grades that changed', async () => {
    await fixtures.load([{ code: 'ONE', lines: [['2026-01-01', '10.00']] }, { code: 'TWO' }]);
    expect((await refreshAbcSnapshot(db.orm.em.fork(), db.clock)).changed).toBe(2);
    expect((await refreshAbcSnapshot(db.orm.em.fork(), db.clock)).changed).toBe(0);
  });

  it('ranks customers created since the refresh after the graded ones, by code, with no asOf yet', async () => {
    await fixtures.load([{ code: 'OLD', lines: [['2026-01-01', '10.00']] }]);
    await refreshAbcSnapshot(db.orm.em.fork(), db.clock);
    await fixtures.load([{ code: 'b-late' }, { code: 'A-late' }]);
    const all = await grades();
    expect(all['A-late']).toEqual({
      class: 'C',
      revenue: '0.00',
      share: 0,
      cumulativeShare: 1,
      rank: 2,
      previousClass: null,
      asOf: null,
    });
    expect(all['b-late']?.rank).toBe(3);
  });

  it('reads the grades of a page of customers in one statement', async () => {
    await fixtures.load(Array.from({ length: 30 }, (_, i) => buyer(`K${i}`, '2026-01-01', `${i + 1}.00`)));
    await refreshAbcSnapshot(db.orm.em.fork(), db.clock);
    const statements = await db.captureSql(() => grades());
    expect(statements.filter((s) => s.includes('abc_grade'))).toHaveLength(1);
  });

  it('serves one customer through the node id as well', async () => {
    const ids = await fixtures.load([{ code: 'SOLO', lines: [['2026-01-01', '1.00']] }]);
    await refreshAbcSnapshot(db.orm.em.fork(), db.clock);
    const result = await db.execute<{ customer: { abc: { class: string; rank: number } } }>(
      'query ($id: ID!) { customer(id: $id) { abc { class rank } } }',
      { id: toGlobalId('Customer', ids.get('SOLO') ?? '') },
      { viewer },
    );
    expect(result.data?.customer.abc).toEqual({ class: 'A', rank: 1 });
  });

  // The default period moves at midnight in Beijing (16:00 UTC), not at midnight UTC.
  it.each([
    ['2026-06-30T15:59:59Z', '2026-06-30T16:00:00Z', '2025-07-02', '2026-07-01'],
    ['2027-05-31T15:59:59Z', '2027-05-31T16:00:00Z', '2026-06-02', '2027-06-01'],
  ])(
    'refreshed at %s, is fresh then and stale at %s, when the period becomes %s..%s',
    async (before, after, from, to) => {
      await fixtures.load([{ code: 'X', lines: [['2026-01-01', '1.00']] }]);
      const em = () => db.orm.em.fork();
      expect(await refreshAbcSnapshotIfStale(em(), fixedClock(before))).toBe(true);
      expect(await refreshAbcSnapshotIfStale(em(), fixedClock(before))).toBe(false);
      expect(await refreshAbcSnapshotIfStale(em(), fixedClock(after))).toBe(true);
      expect(await snapshotRow()).toMatchObject({ period_from: from, period_to: to });
    },
  );

  it('counts a customer created before midnight in Beijing on the first day as existing before the period', async () => {
    await fixtures.load([
      { code: 'EVE', createdAt: '2025-06-30T15:59:59Z' },
      { code: 'DAWN', createdAt: '2025-06-30T16:00:00Z' },
    ]);
    await refreshAbcSnapshot(db.orm.em.fork(), db.clock);
    const all = await grades();
    expect([all.EVE?.previousClass, all.DAWN?.previousClass]).toEqual(['C', null]);
  });

  it('lets concurrent refreshes queue rather than collide', async () => {
    await fixtures.load([{ code: 'Q', lines: [['2026-01-01', '1.00']] }]);
    const runs = await Promise.all([1, 2, 3].map(() => refreshAbcSnapshot(db.orm.em.fork(), db.clock)));
    expect(runs.map((r) => r.changed).sort()).toEqual([0, 0, 1]);
  });

  it('refreshes on start in the background and stops cleanly', async () => {
    await fixtures.load([{ code: 'S', lines: [[TODAY, '5.00']] }]);
    const log = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const stop = startAbcSchedule(db.orm, log, db.clock, new DossierMetrics(db.orm, log));
    await stop();
    const [row] = await db.orm.em.fork().execute('select class, rank from abc_grade');
    expect(row).toEqual({ class: 'A', rank: 1 });
  });
});
