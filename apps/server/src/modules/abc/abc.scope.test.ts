import { StaffRole } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { abcFixtures, buyer } from './abc.fixtures.js';

const db = await testDatabase();
const build = builders(db.orm);
const fixtures = abcFixtures(db.orm);

const rep = await build.staff();
const analyst = await build.staff({}, StaffRole.ANALYST);
const ids = await fixtures.load([
  buyer('big', '2026-03-01', '700.00'),
  buyer('mine', '2026-03-01', '200.00'),
  buyer('small', '2026-03-01', '100.00'),
]);
await db.orm.em.fork().execute('update customer set owner_id = ? where id = ?', [rep.id, ids.get('mine')]);

const RANKING = `query ($first: Int, $after: String) {
  abcClassification(input: { from: "2025-07-01", to: "2026-06-30" }) {
    customers(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { customer { code } grade { class rank revenue } }
    }
  }
}`;

interface Ranking {
  abcClassification: {
    customers: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{ customer: { code: string }; grade: { class: string; rank: number; revenue: string } }>;
    };
  };
}

const ranking = async (viewer: typeof rep, variables: Record<string, unknown> = {}) => {
  const result = await db.execute<Ranking>(RANKING, variables, { viewer });
  expect(result.errors).toBeUndefined();
  return result.data?.abcClassification.customers;
};

describe('ABC for a viewer who sees part of the book', () => {
  it('keeps company-wide ranks and classes but lists and counts only the visible customers', async () => {
    const seen = await ranking(rep);
    expect(seen?.nodes).toEqual([
      { customer: { code: 'mine' }, grade: { class: 'A', rank: 2, revenue: '200.00' } },
    ]);
    expect(seen?.totalCount).toBe(1);
    expect((await ranking(analyst))?.totalCount).toBe(3);
  });

  it('pages through the whole ranking: a page may come back short, the cursor walks on', async () => {
    const first = await ranking(rep, { first: 1 });
    expect(first?.nodes).toEqual([]);
    expect(first?.pageInfo.hasNextPage).toBe(true);
    const second = await ranking(rep, { first: 1, after: first?.pageInfo.endCursor });
    expect(second?.nodes.map((node) => node.customer.code)).toEqual(['mine']);
  });
});

describe('the totals a viewer who sees part of the book reads', () => {
  const TOTALS = `{ abcClassification(input: { from: "2025-07-01", to: "2026-06-30" }) {
    totalRevenue classes { class customers revenue share } pareto { customerShare revenueShare }
    movements { from to customers } customers { nodes { grade { share cumulativeShare } } }
  } }`;

  it("count the rep's book only: no sum tells the revenue of customers they may not see", async () => {
    const result = await db.execute<{ abcClassification: Record<string, unknown> }>(
      TOTALS,
      {},
      { viewer: rep },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.abcClassification).toEqual({
      totalRevenue: '200.00',
      // 'mine' keeps its company-wide class A.
      classes: [
        { class: 'A', customers: 1, revenue: '200.00', share: 1 },
        { class: 'B', customers: 0, revenue: '0.00', share: 0 },
        { class: 'C', customers: 0, revenue: '0.00', share: 0 },
      ],
      pareto: [
        { customerShare: 0, revenueShare: 0 },
        { customerShare: 1, revenueShare: 1 },
      ],
      movements: [{ from: 'C', to: 'A', customers: 1 }],
      customers: { nodes: [{ grade: { share: 1, cumulativeShare: 1 } }] },
    });
  });

  it('an analyst reads the company totals', async () => {
    const result = await db.execute<{ abcClassification: { totalRevenue: string } }>(
      TOTALS,
      {},
      {
        viewer: analyst,
      },
    );
    expect(result.data?.abcClassification.totalRevenue).toBe('1000.00');
  });
});
