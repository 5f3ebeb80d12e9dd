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
