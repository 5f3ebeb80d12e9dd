import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { seedDemoCompany } from '../../seed/demo-company.js';
import { EXPECTED_SCORES_SQL } from '../account-coverage/account-coverage.fixtures.js';
import { Staff } from '../staff/staff.entity.js';

// The demo company as `npm start` seeds it, on a pinned day, plus the owners the rows' rule is about.
const clock = fixedClock('2027-03-01T02:00:00Z');
const db = await testDatabase({ clock });
const build = builders(db.orm);
let viewer: Staff;
let idle: Staff;
let departed: Staff;
let retired: Staff;

beforeAll(async () => {
  await seedDemoCompany(db.orm.em.fork(), clock);
  viewer = await db.orm.em.fork().findOneOrFail(Staff, { email: 'admin@demo.dossier' });
  idle = await build.staff();
  retired = await build.staff({ active: false });
  departed = await build.staff({ active: false });
  await build.customer({ owner: build.ref(Staff, departed) });
  await build.customer({ owner: null });
});

const QUERY = `query ($input: AbcInput, $minRiskLevel: RiskLevel) {
  teamSummary(input: $input, minRiskLevel: $minRiskLevel) {
    owner { id name } customers revenue averageCoverageScore uncoveredAbCustomers staleDossiers riskCustomers
  }
}`;
type Row = {
  owner: { id: string; name: string } | null;
  customers: number;
  revenue: string;
  averageCoverageScore: number | null;
  uncoveredAbCustomers: number;
  staleDossiers: number;
  riskCustomers: number;
};

/**
 * Every column per owner, written apart from team.query.ts: revenue from the order_revenue view (not the
 * daily rollup) clamped per customer, scores from the tests' own coverage SQL, stale by DOMAIN.md's rule on
 * the dates themselves, risk by level name.
 */
const EXPECTED_SQL = `
with scores as (${EXPECTED_SCORES_SQL}),
revenue as (
  select customer_id, sum(amount) as amount from order_revenue
  where ordered_at >= ?::date and ordered_at <= ?::date group by customer_id
)
select c.owner_id, count(*)::int as customers,
  coalesce(sum(case when rv.amount > 0 then rv.amount else 0 end), 0)::numeric(16, 2)::text as revenue,
  avg(sc.score)::float8 as average,
  count(*) filter (where sc.class in ('A', 'B') and sc.score < 3)::int as uncovered_ab,
  count(*) filter (where ?::date - (coalesce(c.reviewed_at, c.created_at) at time zone ?)::date > ?)::int as stale,
  count(*) filter (where ra.level = any(?::text[]))::int as risky
from customer c
join scores sc on sc.id = c.id
join risk_assessment ra on ra.customer_id = c.id
left join revenue rv on rv.customer_id = c.id
group by c.owner_id`;
interface Expected {
  owner_id: string | null;
  customers: number;
  revenue: string;
  average: number;
  uncovered_ab: number;
  stale: number;
  risky: number;
}

async function expected(from: string, to: string, levels: string[]) {
  const rows = await db.orm.em
    .fork()
    .execute<Expected[]>(EXPECTED_SQL, [
      from,
      to,
      clock.today(),
      clock.timeZone,
      db.env.DOSSIER_REVIEW_INTERVAL_DAYS,
      `{${levels.join(',')}}`,
    ]);
  return new Map<string | null, Omit<Row, 'owner'>>(
    rows.map((row) => [
      row.owner_id && toGlobalId('Staff', row.owner_id),
      {
        customers: row.customers,
        revenue: row.revenue,
        averageCoverageScore: expect.closeTo(row.average, 10),
        uncoveredAbCustomers: row.uncovered_ab,
        staleDossiers: row.stale,
        riskCustomers: row.risky,
      },
    ]),
  );
}

const activeReps = async () =>
  (await db.orm.em.fork().find(Staff, { active: true, role: StaffRole.SALES_REP })).map((s) =>
    toGlobalId('Staff', s.id),
  );

describe('teamSummary', () => {
  it.each([
    ['the default period, any risk', undefined, undefined, ['LOW', 'MEDIUM', 'HIGH']],
    ['a calendar year, high risk only', { from: '2026-01-01', to: '2026-12-31' }, 'HIGH', ['HIGH']],
  ])('equals an independent SQL count for %s', async (_name, input, minRiskLevel, levels) => {
    const result = await db.execute<{ teamSummary: Row[] }>(QUERY, { input, minRiskLevel }, { viewer });
    expect(result.errors).toBeUndefined();
    const rows = result.data?.teamSummary ?? [];
    // the 12 months up to the pinned day, both included
    const from = input?.from ?? '2026-03-02';
    const to = input?.to ?? '2027-03-01';
    const want = await expected(from, to, levels);
    // Owners of customers, then the active reps with none at 0
    for (const rep of await activeReps()) {
      if (!want.has(rep)) {
        want.set(rep, {
          customers: 0,
          revenue: '0.00',
          averageCoverageScore: null,
          uncoveredAbCustomers: 0,
          staleDossiers: 0,
          riskCustomers: 0,
        });
      }
    }
    const got = new Map(rows.map(({ owner, ...row }) => [owner?.id ?? null, row]));
    expect(got.size).toBe(rows.length);
    // as objects: toEqual applies closeTo to an object's values, not a Map's
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
    // the demo data exercises every column, or the comparison would prove little
    for (const column of ['uncoveredAbCustomers', 'staleDossiers', 'riskCustomers'] as const) {
      expect(rows.some((row) => row[column] > 0)).toBe(true);
    }
    expect(rows.filter((row) => row.revenue !== '0.00').length).toBeGreaterThan(1);
  });

  it('lists a departed owner with customers and an idle rep, not a departed one without customers', async () => {
    const result = await db.execute<{ teamSummary: Row[] }>(QUERY, {}, { viewer });
    const rows = result.data?.teamSummary ?? [];
    const ids = rows.map((row) => row.owner?.id ?? null);
    expect(ids).toContain(toGlobalId('Staff', idle.id));
    expect(ids).toContain(toGlobalId('Staff', departed.id));
    expect(ids).not.toContain(toGlobalId('Staff', retired.id));
    // customers without an owner come last; the rest by revenue, largest first
    expect(ids.at(-1)).toBeNull();
    const cents = rows.slice(0, -1).map((row) => Math.round(Number(row.revenue) * 100));
    expect(cents).toEqual([...cents].sort((a, b) => b - a));
  });

  it("links up: each rep's stale, uncovered and risk counts are what the lists behind them find", async () => {
    const result = await db.execute<{ teamSummary: Row[] }>(QUERY, { minRiskLevel: 'MEDIUM' }, { viewer });
    const rows = (result.data?.teamSummary ?? []).filter((row) => row.owner && row.customers > 0);
    const LINKS = `query ($ownerId: ID!) {
      customers(filter: { ownerId: $ownerId, riskSignals: [STALE_DOSSIER] }) { totalCount }
      uncovered: customers(filter: { ownerId: $ownerId, abcClass: [A, B], coverageScore: [0, 1, 2] }) {
        totalCount
      }
      riskCustomers(ownerId: $ownerId, minLevel: MEDIUM) { totalCount }
    }`;
    type Count = { totalCount: number };
    type Links = { customers: Count; uncovered: Count; riskCustomers: Count };
    for (const row of rows) {
      const links = await db.execute<Links>(LINKS, { ownerId: row.owner?.id }, { viewer });
      const { customers, uncovered, riskCustomers } = links.data ?? {};
      expect([customers?.totalCount, uncovered?.totalCount, riskCustomers?.totalCount]).toEqual([
        row.staleDossiers,
        row.uncoveredAbCustomers,
        row.riskCustomers,
      ]);
    }
    expect(rows.length).toBeGreaterThan(2);
  });

  it("gives each rep the average completeness of their customers' dossiers, as Customer.completeness scores them", async () => {
    const result = await db.execute<{
      teamSummary: Array<{
        owner: { id: string } | null;
        averageCompleteness: number | null;
        customers: number;
      }>;
    }>(`{ teamSummary { owner { id } customers averageCompleteness } }`, {}, { viewer });
    expect(result.errors).toBeUndefined();
    const rows = (result.data?.teamSummary ?? []).filter((row) => row.owner);
    const SCORES = `query ($ownerId: ID!, $after: String) {
      customers(first: 100, after: $after, filter: { ownerId: $ownerId }) {
        nodes { completeness { score } } pageInfo { hasNextPage endCursor }
      }
    }`;
    type Scores = {
      customers: {
        nodes: Array<{ completeness: { score: number } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    for (const row of rows) {
      const scores: number[] = [];
      let after: string | null = null;
      do {
        const page: Scores['customers'] | undefined = (
          await db.execute<Scores>(SCORES, { ownerId: row.owner?.id, after }, { viewer })
        ).data?.customers;
        scores.push(...(page?.nodes ?? []).map((node) => node.completeness.score));
        after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(scores).toHaveLength(row.customers);
      const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
      expect({ average: row.averageCompleteness }).toEqual({
        average: mean === null ? null : expect.closeTo(mean, 10),
      });
    }
    // the demo's reps differ, or the comparison would prove little
    expect(new Set(rows.map((row) => row.averageCompleteness)).size).toBeGreaterThan(2);
  });

  it('runs one statement for the rows and one for their owners', async () => {
    const statements = await db.captureSql(() => db.execute(QUERY, {}, { viewer }));
    expect(statements).toHaveLength(2);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const result = await db.execute(QUERY, { input: { from: '2026-02-01', to: '2026-01-01' } }, { viewer });
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', 'input.from'],
    ]);
  });

  it('refuses an anonymous caller', async () => {
    const result = await db.execute(QUERY, {}, { viewer: null });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
