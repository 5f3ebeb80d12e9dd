import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { seedDemoCompany } from '../../seed/demo-company.js';
import { Staff } from '../staff/staff.entity.js';

// The demo company as `npm start` seeds it, assessed on a pinned day.
const clock = fixedClock('2027-03-01T02:00:00Z');
const db = await testDatabase({ clock });
let viewer: Staff;

const sql = <T>(query: string, params: unknown[] = []) => db.orm.em.fork().execute<T[]>(query, params);
// Written apart from risk.query.ts: levels by name rather than score bounds, signals unnested.
const AT_RISK = `from risk_assessment r join customer c on c.id = r.customer_id where r.level <> 'NONE'`;
const HAS_SIGNAL = (codes: string[]) =>
  `exists (select 1 from jsonb_array_elements(r.signals) e where e->>'code' in (${codes.map((c) => `'${c}'`).join(', ')}))`;

/** The busiest owner and region among risk customers, and two signals of different frequency. */
let owner: string;
let region: string;
let signals: string[];

beforeAll(async () => {
  await seedDemoCompany(db.orm.em.fork(), clock);
  viewer = await db.orm.em.fork().findOneOrFail(Staff, { email: 'admin@demo.dossier' });
  [{ owner_id: owner }] = (await sql<{ owner_id: string }>(
    `select c.owner_id ${AT_RISK} and c.owner_id is not null group by 1 order by count(*) desc, 1 limit 1`,
  )) as [{ owner_id: string }];
  [{ region }] = (await sql<{ region: string }>(
    `select c.region ${AT_RISK} and c.region is not null group by 1 order by count(*) desc, 1 limit 1`,
  )) as [{ region: string }];
  signals = (
    await sql<{ code: string }>(
      `select e->>'code' as code ${AT_RISK.replace('where', ', jsonb_array_elements(r.signals) e where')}
       group by 1 order by count(*), 1 limit 2`,
    )
  ).map((row) => row.code);
});

const LIST = `query ($first: Int, $after: String, $signals: [RiskCode!], $ownerId: ID, $region: [String!], $minLevel: RiskLevel) {
  riskCustomers(first: $first, after: $after, signals: $signals, ownerId: $ownerId, region: $region, minLevel: $minLevel) {
    totalCount nodes { code } pageInfo { endCursor hasNextPage }
  }
}`;
type Page = {
  riskCustomers: {
    totalCount: number;
    nodes: Array<{ code: string }>;
    pageInfo: { endCursor: string; hasNextPage: boolean };
  };
};

async function walk(variables: Record<string, unknown>) {
  const codes: string[] = [];
  let total: number | undefined;
  let after: string | null = null;
  for (;;) {
    const result: { data?: Page | null } = await db.execute<Page>(
      LIST,
      { ...variables, first: 5, after },
      { viewer },
    );
    const page = result.data?.riskCustomers;
    total ??= page?.totalCount;
    codes.push(...(page?.nodes.map((n) => n.code) ?? []));
    if (!page?.pageInfo.hasNextPage) return { codes, total };
    after = page.pageInfo.endCursor;
  }
}

describe('riskCustomers filters, each against its own SQL', () => {
  it.each([
    ['signals', () => ({ signals }), () => `and ${HAS_SIGNAL(signals)}`],
    ['one signal', () => ({ signals: signals.slice(0, 1) }), () => `and ${HAS_SIGNAL(signals.slice(0, 1))}`],
    ['owner', () => ({ ownerId: toGlobalId('Staff', owner) }), () => `and c.owner_id = '${owner}'`],
    ['region', () => ({ region: [region] }), () => `and c.region = '${region}'`],
    [
      'all of them, at MEDIUM or above',
      () => ({ signals, ownerId: toGlobalId('Staff', owner), region: [region], minLevel: 'MEDIUM' }),
      () =>
        `and ${HAS_SIGNAL(signals)} and c.owner_id = '${owner}' and c.region = '${region}' and r.level in ('HIGH', 'MEDIUM')`,
    ],
  ])('%s', async (name, variables, where) => {
    const expected = (
      await sql<{ code: string }>(
        `select c.code ${AT_RISK} ${where()} order by r.score desc, r.customer_id desc`,
      )
    ).map((row) => row.code);
    const all = await sql<{ n: number }>(`select count(*)::int as n ${AT_RISK}`);
    const { codes, total } = await walk(variables());
    expect(codes).toEqual(expected);
    expect(total).toBe(expected.length);
    if (name !== 'all of them, at MEDIUM or above') expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all[0]?.n ?? 0);
  });

  it('refuses an owner that is not a Staff id, before any SQL', async () => {
    const statements = await db.captureSql(async () => {
      const result = await db.execute(LIST, { ownerId: toGlobalId('Customer', owner) }, { viewer });
      expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', 'ownerId'],
      ]);
    });
    expect(statements).toEqual([]);
  });
});

const SUMMARY = `query ($groupBy: RiskGroup!, $minLevel: RiskLevel) {
  riskSummary(groupBy: $groupBy, minLevel: $minLevel) { signal level owner { id name } region customers }
}`;
type Row = {
  signal: string | null;
  level: string | null;
  owner: { id: string; name: string } | null;
  region: string | null;
  customers: number;
};

describe('riskSummary', () => {
  it.each([
    [
      'SIGNAL',
      undefined,
      `select e->>'code' as key, count(*)::int as n ${AT_RISK.replace('where', ', jsonb_array_elements(r.signals) e where')} group by 1`,
      (r: Row) => r.signal,
    ],
    [
      'LEVEL',
      undefined,
      `select r.level as key, count(*)::int as n ${AT_RISK} group by 1`,
      (r: Row) => r.level,
    ],
    [
      'LEVEL',
      'NONE',
      `select r.level as key, count(*)::int as n from risk_assessment r group by 1`,
      (r: Row) => r.level,
    ],
    [
      'OWNER',
      undefined,
      `select c.owner_id as key, count(*)::int as n ${AT_RISK} group by 1`,
      (r: Row) => r.owner?.id ?? null,
    ],
    [
      'REGION',
      undefined,
      `select c.region as key, count(*)::int as n ${AT_RISK} group by 1`,
      (r: Row) => r.region,
    ],
  ] as const)(
    'by %s (minLevel %s) equals an independent SQL count',
    async (groupBy, minLevel, query, keyOf) => {
      const expected = new Map(
        (await sql<{ key: string | null; n: number }>(query)).map(({ key, n }) => [
          groupBy === 'OWNER' && key ? toGlobalId('Staff', key) : key,
          n,
        ]),
      );
      const result = await db.execute<{ riskSummary: Row[] }>(SUMMARY, { groupBy, minLevel }, { viewer });
      const rows = result.data?.riskSummary ?? [];
      expect(new Map(rows.map((row) => [keyOf(row), row.customers]))).toEqual(expected);
      expect(rows.length).toBeGreaterThan(1);
    },
  );

  it('lists levels highest first and owners largest first', async () => {
    const levels = await db.execute<{ riskSummary: Row[] }>(
      SUMMARY,
      { groupBy: 'LEVEL', minLevel: 'NONE' },
      { viewer },
    );
    const order = ['HIGH', 'MEDIUM', 'LOW', 'NONE'];
    const seen = levels.data?.riskSummary.map((row) => row.level) ?? [];
    expect(seen).toEqual(order.filter((level) => seen.includes(level)));
    const owners = await db.execute<{ riskSummary: Row[] }>(SUMMARY, { groupBy: 'OWNER' }, { viewer });
    const sizes = owners.data?.riskSummary.map((row) => row.customers) ?? [];
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('reads the groups and then every owner in one batch', async () => {
    const statements = await db.captureSql(() => db.execute(SUMMARY, { groupBy: 'OWNER' }, { viewer }));
    expect(statements).toHaveLength(2);
  });
});
