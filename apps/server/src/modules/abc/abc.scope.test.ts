import { AbcMovementWay, StaffRole } from '@dossier/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Staff } from '../staff/staff.entity.js';
import { abcFixtures } from './abc.fixtures.js';
import {
  type Answer,
  bookGrades,
  expectAnswer,
  QUERY,
  type Scenario,
  scenario,
  variablesOf,
} from './abc.oracle.fixtures.js';
import { refreshAbcSnapshot } from './abc.snapshot.js';

// Need-to-know on the classification: a rep or manager gets company-wide ranks and classes, but every list,
// count, total, summary, curve and movement of their book's customers only, as the pure rule computes it
// over those customers; a reader of all gets the company's figures.

const db = await testDatabase({ clock: fixedClock('2026-06-30T04:00:00Z') });
const build = builders(db.orm);
const fixtures = abcFixtures(db.orm);
const execute = (sql: string, params: unknown[] = []) => db.orm.em.fork().execute(sql, params);

const manager = await build.staff({}, StaffRole.SALES_MANAGER);
const rep = await build.staff();
const colleague = await build.staff();
const stranger = await build.staff();
const admin = await build.staff({}, StaffRole.ADMIN);
await execute('update staff set manager_id = ? where id = any(?::uuid[])', [
  manager.id,
  `{${rep.id},${colleague.id}}`,
]);

const OWNERS = { manager, rep, colleague, stranger, nobody: null } as const;
type Owner = keyof typeof OWNERS;
const owner = fc.constantFrom(...(Object.keys(OWNERS) as Owner[]));

/** Whom each viewer sees, by the customer's owner: their book (a manager's: the line's and the pool). */
const SEES: Array<[string, Staff, (owner: Owner) => boolean]> = [
  ['a rep', rep, (o) => o === 'rep'],
  ['a manager', manager, (o) => ['manager', 'rep', 'colleague', 'nobody'].includes(o)],
  ['an administrator', admin, () => true],
];

async function load(example: Scenario, owners: readonly Owner[]) {
  await fixtures.reset();
  const ids = await fixtures.load(example.customers);
  const ownerOf = new Map(example.customers.map((c, i) => [c.code, owners[i] ?? 'nobody']));
  for (const [code, id] of ids) {
    await execute('update customer set owner_id = ? where id = ?', [
      OWNERS[ownerOf.get(code) ?? 'nobody']?.id ?? null,
      id,
    ]);
  }
  return { ids, ownerOf };
}

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string };
  nodes: Array<{ customer: { code: string } }>;
}

const ask = async (example: Scenario, viewer: Staff) => {
  const result = await db.execute<{ abcClassification: Answer }>(QUERY, variablesOf(example), { viewer });
  expect(result.errors).toBeUndefined();
  return result.data?.abcClassification as Answer;
};

/** 30 customers of distinct revenues, owned in turn by each owner. */
const LADDER: Scenario = {
  customers: Array.from({ length: 30 }, (_, i) => ({
    code: `C${String(i).padStart(2, '0')}`,
    lines: [['2026-03-01', `${100 - i}.00`]],
  })),
  a: 800,
  b: 150,
  points: 10,
  page: { cls: null, way: AbcMovementWay.UP, after: 0, first: 3 },
};
const LADDER_OWNERS = LADDER.customers.map((_, i) => (Object.keys(OWNERS) as Owner[])[i % 5] as Owner);

describe('ABC for a viewer who sees part of the book', () => {
  it('equals the pure rule over the visible customers with company-wide classes, on 100 random cases', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        fc.array(owner, { minLength: 20, maxLength: 20 }),
        async (example, owners) => {
          const { ids, ownerOf } = await load(example, owners);
          for (const [, viewer, sees] of SEES) {
            const visible = (code: string) => sees(ownerOf.get(code) ?? 'nobody');
            const got = await ask(example, viewer);
            expectAnswer(got, example, visible);
            // Not a trace of the others: no id of theirs anywhere in the answer.
            const text = JSON.stringify(got);
            for (const [code, id] of ids) {
              if (!visible(code)) expect(text).not.toContain(toGlobalId('Customer', id));
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 300_000);

  it.each(SEES)('gives %s full pages that walk the ranking to its end', async (_, viewer, sees) => {
    const { ownerOf } = await load(LADDER, LADDER_OWNERS);
    const example = LADDER;
    const PAGE = `query ($after: String) { abcClassification(input: { from: "2025-07-01", to: "2026-06-30" }) {
      customers(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { customer { code } } } } }`;
    const codes: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: { data?: { abcClassification: { customers: Page } } | null; errors?: unknown } =
        await db.execute(PAGE, { after }, { viewer });
      const page = result.data?.abcClassification.customers;
      if (!page) throw new Error(JSON.stringify(result.errors));
      codes.push(...page.nodes.map((n) => n.customer.code));
      if (!page.pageInfo.hasNextPage) {
        const shown = example.customers
          .map((c) => c.code)
          .filter((code) => sees(ownerOf.get(code) ?? 'nobody'));
        expect(codes).toEqual(shown);
        expect(page.totalCount).toBe(shown.length);
        break;
      }
      expect(page.nodes).toHaveLength(3);
      after = page.pageInfo.endCursor;
    }
  });

  it.each(SEES)('computes the whole classification for %s in one statement', async (_, viewer) => {
    const example = fc.sample(scenario, { seed: 7, numRuns: 1 })[0] as Scenario;
    await load(
      example,
      example.customers.map(() => 'rep'),
    );
    const statements = await db.captureSql(() => ask(example, viewer));
    expect(statements.filter((s) => s.includes('customer_day_revenue'))).toHaveLength(1);
  });

  it.each(SEES)(
    "gives %s the stored classification's grades of their customers only, shares of what they see",
    async (_, viewer, sees) => {
      const { ownerOf } = await load(LADDER, LADDER_OWNERS);
      await refreshAbcSnapshot(db.orm.em.fork(), db.clock);
      const STORED = `{ customers(first: 50, filter: { abcClass: [A, B] }, orderBy: { field: REVENUE, direction: DESC }) {
      totalCount nodes { code abc { class revenue rank share cumulativeShare } } } }`;
      const result = await db.execute<{
        customers: { totalCount: number; nodes: Array<{ code: string; abc: Record<string, unknown> }> };
      }>(STORED, {}, { viewer });
      expect(result.errors).toBeUndefined();
      // The snapshot holds the default period, the one QUERY asks for with the default shares.
      const grades = bookGrades(LADDER.customers, 0.8, 0.15, (code) =>
        sees(ownerOf.get(code) ?? 'nobody'),
      ).grades.filter((g) => g.class !== 'C');
      expect(result.data?.customers.nodes).toEqual(
        grades.map(({ code, class: cls, revenue, rank, share, cumulativeShare }) => ({
          code,
          abc: { class: cls, revenue, rank, share, cumulativeShare },
        })),
      );
      expect(result.data?.customers.totalCount).toBe(grades.length);
    },
  );
});
