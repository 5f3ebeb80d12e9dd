import { DecisionRole as D, InfluenceLevel as I, RelationshipState as S } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { seedDemoCompany } from '../../seed/demo-company.js';
import { Staff } from '../staff/staff.entity.js';
import { EXPECTED_SCORES_SQL } from './account-coverage.fixtures.js';

// The demo company as `npm start` seeds it, on a pinned day, plus a few customers built for the corner cases.
const clock = fixedClock('2027-03-01T02:00:00Z');
const db = await testDatabase({ clock });
const build = builders(db.orm);
let viewer: Staff;

interface Expected {
  id: string;
  code: string;
  owner_id: string | null;
  region: string | null;
  class: string;
  score: number;
}
const expectedScores = () => db.orm.em.fork().execute<Expected[]>(EXPECTED_SCORES_SQL);

/** Corner cases by code, each with the score the description promises. */
const CASES: Record<string, number> = {};

beforeAll(async () => {
  await seedDemoCompany(db.orm.em.fork(), clock);
  viewer = await db.orm.em.fork().findOneOrFail(Staff, { email: 'analyst@demo.dossier' });
  const rep = await build.staff();
  const departed = await build.staff({ active: false });
  const customer = async (code: string, score: number) => {
    CASES[code] = score;
    return build.customer({ code, name: `覆盖 ${code}`, region: '测试区' });
  };

  await customer('CV-NONE', 0);
  const left = await customer('CV-LEFT', 0);
  await build.keyPerson(left, { active: false });

  const noRole = await customer('CV-NODM', 1);
  await build.role(await build.keyPerson(noRole), D.USER_BUYER, I.MEDIUM);
  const formerDm = await customer('CV-FORMERDM', 1);
  await build.keyPerson(formerDm);
  await build.role(await build.keyPerson(formerDm, { active: false }), D.DECISION_MAKER);

  const neutral = await customer('CV-NEUTRAL', 2);
  await build.relationship(await dm(neutral, D.ECONOMIC_BUYER, I.LOW), rep, S.NEUTRAL);
  const half = await customer('CV-HALF', 2);
  await build.relationship(await dm(half, D.DECISION_MAKER, I.MEDIUM), rep, S.POSITIVE);
  await build.relationship(await dm(half, D.INFLUENCER, I.HIGH), rep, S.NEGATIVE);
  const onlyDeparted = await customer('CV-DEPARTED', 2);
  await build.relationship(await dm(onlyDeparted, D.DECISION_MAKER, I.LOW), departed, S.POSITIVE);
  const placeholder = await customer('CV-PLACEHOLDER', 2);
  const unnamed = await build.keyPerson(placeholder, { name: null, title: '财务总监' });
  await build.role(unnamed, D.ECONOMIC_BUYER, I.HIGH);
  await build.relationship(unnamed, rep, S.POSITIVE);

  const covered = await customer('CV-COVERED', 3);
  const boss = await dm(covered, D.DECISION_MAKER, I.HIGH);
  await build.relationship(boss, departed, S.NEGATIVE);
  await build.relationship(boss, rep, S.POSITIVE);
});

async function dm(customer: Parameters<typeof build.keyPerson>[0], role: D, influence: I) {
  const person = await build.keyPerson(customer);
  await build.role(person, role, influence);
  return person;
}

const SCORES = `query ($first: Int, $after: String, $filter: CustomerFilter) {
  customers(first: $first, after: $after, filter: $filter) {
    nodes { code coverageScore } pageInfo { endCursor hasNextPage }
  }
}`;
type ScoresPage = {
  customers: {
    nodes: Array<{ code: string; coverageScore: number }>;
    pageInfo: { endCursor: string; hasNextPage: boolean };
  };
};

describe('Customer.coverageScore', () => {
  it('scores the corner cases as its description says', async () => {
    const result = await db.execute<ScoresPage>(SCORES, { first: 50, filter: { search: 'CV-' } }, { viewer });
    const scores = Object.fromEntries(
      result.data?.customers.nodes.map((n) => [n.code, n.coverageScore]) ?? [],
    );
    expect(scores).toEqual(CASES);
  });

  it('equals an independent SQL count for every customer of the demo company', async () => {
    const expected = await expectedScores();
    const seen: Record<string, number> = {};
    let after: string | null = null;
    for (;;) {
      const result: { data?: ScoresPage | null } = await db.execute<ScoresPage>(
        SCORES,
        { first: 200, after },
        { viewer },
      );
      for (const node of result.data?.customers.nodes ?? []) seen[node.code] = node.coverageScore;
      if (!result.data?.customers.pageInfo.hasNextPage) break;
      after = result.data.customers.pageInfo.endCursor;
    }
    expect(seen).toEqual(Object.fromEntries(expected.map((row) => [row.code, row.score])));
    // the demo exercises every score, or the comparison would prove little
    expect(new Set(expected.map((row) => row.score))).toEqual(new Set([0, 1, 2, 3]));
  });

  it.each([10, 50])('costs the same statements for %i customers', async (first) => {
    const statements = await db.captureSql(async () => {
      const result = await db.execute<ScoresPage>(SCORES, { first }, { viewer });
      expect(result.data?.customers.nodes).toHaveLength(first);
    });
    // the page, then one batch of scores
    expect(statements).toHaveLength(2);
  });
});

const SUMMARY = `query ($groupBy: CoverageGroup!) {
  coverageSummary(groupBy: $groupBy) {
    owner { id name } region abcClass customers score0 score1 score2 score3 averageScore
  }
}`;
type Row = {
  owner: { id: string; name: string } | null;
  region: string | null;
  abcClass: string | null;
  customers: number;
  score0: number;
  score1: number;
  score2: number;
  score3: number;
  averageScore: number;
};

/** The summary's rows as the independent scores give them, keyed by the group. */
function tally(expected: Expected[], keyOf: (row: Expected) => string | null) {
  const groups = new Map<string | null, number[]>();
  for (const row of expected) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row.score]);
  return new Map(
    [...groups].map(([key, scores]) => [
      key,
      {
        customers: scores.length,
        counts: [0, 1, 2, 3].map((s) => scores.filter((score) => score === s).length),
        average: scores.reduce((a, b) => a + b, 0) / scores.length,
      },
    ]),
  );
}

describe('coverageSummary', () => {
  it.each([
    ['OWNER', (row: Expected) => row.owner_id, (row: Row) => (row.owner ? row.owner.id : null)],
    ['REGION', (row: Expected) => row.region, (row: Row) => row.region],
    ['ABC_CLASS', (row: Expected) => row.class, (row: Row) => row.abcClass],
  ] as const)('by %s equals an independent SQL count', async (groupBy, expectedKey, rowKey) => {
    const expected = tally(await expectedScores(), (row) => {
      const key = expectedKey(row);
      return groupBy === 'OWNER' && key ? toGlobalId('Staff', key) : key;
    });
    const result = await db.execute<{ coverageSummary: Row[] }>(SUMMARY, { groupBy }, { viewer });
    const rows = result.data?.coverageSummary ?? [];
    const actual = new Map(
      rows.map((row) => [
        rowKey(row),
        {
          customers: row.customers,
          counts: [row.score0, row.score1, row.score2, row.score3],
          average: row.averageScore,
        },
      ]),
    );
    expect(actual.size).toBe(expected.size);
    for (const [key, want] of expected) {
      expect(actual.get(key)).toEqual({ ...want, average: expect.closeTo(want.average, 10) });
    }
    // largest group first (classes in order A, B, C)
    const sizes = rows.map((row) => row.customers);
    if (groupBy === 'ABC_CLASS') expect(rows.map((row) => row.abcClass)).toEqual(['A', 'B', 'C']);
    else expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('reads each owner once, whatever the number of groups', async () => {
    const statements = await db.captureSql(() => db.execute(SUMMARY, { groupBy: 'OWNER' }, { viewer }));
    expect(statements).toHaveLength(2);
  });

  it('refuses an anonymous caller', async () => {
    const result = await db.execute(SUMMARY, { groupBy: 'REGION' }, { viewer: null });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
