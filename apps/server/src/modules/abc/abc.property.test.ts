import { StaffRole } from '@dossier/domain';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import type { Staff } from '../staff/staff.entity.js';
import { abcFixtures } from './abc.fixtures.js';
import { type Answer, expectAnswer, expected, QUERY, scenario, variablesOf } from './abc.oracle.fixtures.js';
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

const MOVEMENTS = `query ($input: AbcInput) { abcClassification(input: $input) { movements { from to customers } } }`;

describe('ABC classification in SQL', () => {
  it('equals classifyAbc, abcMovements, summarizeClasses and paretoCurve on 200 random cases', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (example) => {
        const { customers } = example;
        await fixtures.reset();
        await fixtures.load(customers);
        const variables = variablesOf(example);
        const result = await db.execute<{ abcClassification: Answer }>(QUERY, variables, { viewer });
        expect(result.errors).toBeUndefined();
        const got = result.data?.abcClassification as Answer;
        expectAnswer(got, example, () => true);
        // Without a page listing everyone, only the tie groups at class boundaries are re-ranked by code.
        const alone = await db.execute(MOVEMENTS, { input: variables.input }, { viewer });
        expect(alone.data?.abcClassification).toEqual({ movements: got.movements });

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
