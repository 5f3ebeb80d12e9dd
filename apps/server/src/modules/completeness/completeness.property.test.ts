import { type Completeness, completenessOf, StaffRole } from '@dossier/domain';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { thresholdsOf } from '../risk/risk.refresh.js';
import type { Staff } from '../staff/staff.entity.js';
import { type Dossier, dossier, factsOf, type StaffIds, writeDossier } from './completeness.fixtures.js';

// The SQL of completeness.sql.ts against the pure rules of @dossier/domain on random dossiers: for each,
// Customer.completeness equals completenessOf, and customers(orderBy: COMPLETENESS) lists them by score,
// ties by code, in both directions.

const NOW = new Date('2026-11-20T17:30:00Z'); // 01:30 on November 21 in Shanghai: business and UTC days differ
const clock = fixedClock(NOW);
const db = await testDatabase({ clock });
const build = builders(db.orm);
let admin: Staff;
let staff: StaffIds;
const competitorIds: string[] = [];

beforeAll(async () => {
  admin = await build.staff({}, StaffRole.ADMIN);
  const [a, b] = [await build.staff(), await build.staff()];
  const left = await build.staff({ active: false });
  staff = { active: [a.id, b.id], left: left.id };
  for (const name of ['甲公司', '乙公司']) {
    const [row] = await db.orm.em
      .fork()
      .execute<Array<{ id: string }>>(
        `insert into competitor (id, name) values (gen_random_uuid(), ?) returning id`,
        [name],
      );
    competitorIds.push(row?.id as string);
  }
});

const LIST = `query ($q: String!, $dir: SortDirection!, $after: String) {
  customers(first: 3, after: $after, filter: { search: $q }, orderBy: { field: COMPLETENESS, direction: $dir }) {
    nodes { code completeness { score missing { code section } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Page = {
  customers: {
    nodes: Array<{ code: string; completeness: Completeness }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

/** Every page of the list, three at a time: the keyset cursor is tested with the order. */
async function walk(prefix: string, dir: 'ASC' | 'DESC') {
  const nodes: Page['customers']['nodes'] = [];
  let after: string | null = null;
  for (;;) {
    const result = await db.execute<Page>(LIST, { q: prefix, dir, after }, { viewer: admin });
    expect(result.errors).toBeUndefined();
    const page = result.data?.customers as Page['customers'];
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

let run = 0;

describe('completeness in SQL', () => {
  it('equals the pure rules on random dossiers, and the list sorts by it, ties by code', async () => {
    const interval = thresholdsOf(db.orm.em).reviewIntervalDays;
    await fc.assert(
      fc.asyncProperty(
        fc.array(dossier(NOW), { minLength: 1, maxLength: 7 }),
        async (dossiers: Dossier[]) => {
          run += 1;
          const prefix = `P${String(run).padStart(4, '0')}X`;
          const em = db.orm.em.fork();
          const expected = new Map<string, Completeness>();
          for (const [i, d] of dossiers.entries()) {
            const code = `${prefix}${i}`;
            await writeDossier(em, code, d, staff, competitorIds);
            expected.set(code, completenessOf(factsOf(d, clock.today(), clock.timeZone, interval)));
          }
          const ascending = [...expected].sort(([a, x], [b, y]) => x.score - y.score || (a < b ? -1 : 1));

          const asc = await walk(prefix, 'ASC');
          expect(asc.map((n) => [n.code, n.completeness])).toEqual(ascending);
          const desc = await walk(prefix, 'DESC');
          expect(desc.map((n) => n.code)).toEqual(ascending.map(([code]) => code).reverse());
        },
      ),
      { numRuns: 60 },
    );
  });
});
