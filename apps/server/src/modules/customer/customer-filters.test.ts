import { DecisionRole as D, InfluenceLevel as I, RelationshipState as S, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { encodeCursor } from '../../core/pagination/cursor.js';
import { EXPECTED_SCORES_SQL } from '../account-coverage/account-coverage.fixtures.js';
import type { Staff } from '../staff/staff.entity.js';

// Days are Asia/Shanghai days (UTC+8): 2026-10-31T16:00Z is the first instant of November 1 there.
const db = await testDatabase({ clock: fixedClock('2026-11-20T04:00:00Z') });
const build = builders(db.orm);
let viewer: Staff;

type Coverage = 'none' | 'uncovered' | 'covered';
// code, industry, city, created (UTC), reviewed (UTC), credit reports [reported, valid until], coverage, ABC rank
const ROWS: Array<
  [
    string,
    string | null,
    string | null,
    string,
    string | null,
    Array<[string, string]>,
    Coverage,
    number | null,
  ]
> = [
  ['F01', 'IT', 'Shanghai', '2026-10-31T15:59:59.999Z', null, [], 'none', 3],
  [
    'F02',
    'it',
    'SHANGHAI',
    '2026-10-31T16:00:00.000Z',
    '2026-11-10T16:00:00.000Z',
    [['2026-06-01', '2026-11-30']],
    'uncovered',
    1,
  ],
  [
    'F03',
    'IT services',
    '上海',
    '2026-11-05T08:00:00.000Z',
    '2026-11-10T15:59:59.999Z',
    [['2026-06-01', '2026-12-01']],
    'covered',
    null,
  ],
  [
    'F04',
    'Manufacturing',
    'Beijing',
    '2026-11-05T08:00:00.000Z',
    '2026-11-18T02:00:00.000Z',
    [
      ['2026-01-05', '2027-01-04'],
      ['2026-09-01', '2026-11-25'],
    ],
    'uncovered',
    2,
  ],
  [
    'F05',
    null,
    null,
    '2026-11-15T15:59:59.999Z',
    '2026-11-18T02:00:00.000Z',
    [
      ['2026-09-01', '2027-06-30'],
      ['2026-01-01', '2026-04-01'],
    ],
    'covered',
    null,
  ],
  [
    'F06',
    'MANUFACTURING',
    'beijing',
    '2026-11-15T16:00:00.000Z',
    null,
    [['2026-11-01', '2026-12-02']],
    'none',
    5,
  ],
  ['F07', 'Retail', 'Shanghai ', '2026-11-19T20:00:00.000Z', '2026-11-19T20:00:00.000Z', [], 'uncovered', 4],
];

beforeAll(async () => {
  viewer = await build.staff({}, StaffRole.ADMIN);
  const rep = await build.staff();
  for (const [code, industry, city, created, reviewed, reports, coverage, rank] of ROWS) {
    const customer = await build.customer({
      code,
      name: `客户 ${code}`,
      industry,
      city,
      createdAt: new Date(created),
      reviewedAt: reviewed ? new Date(reviewed) : null,
    });
    for (const [reportedAt, validUntil] of reports) {
      await db.orm.em.fork().execute(
        `insert into credit_report (id, customer_id, reported_at, valid_until, rating)
           values (gen_random_uuid(), ?, ?, ?, 'A')`,
        [customer.id, reportedAt, validUntil],
      );
    }
    if (coverage !== 'none') {
      const boss = await build.keyPerson(customer);
      await build.role(boss, D.DECISION_MAKER, I.HIGH);
      await build.relationship(boss, rep, coverage === 'covered' ? S.POSITIVE : S.NEUTRAL);
    }
    await db.orm.em
      .fork()
      .execute('update abc_grade set rank = ?, class = ? where customer_id = ?', [
        rank,
        rank === null ? 'C' : rank <= 2 ? 'A' : rank <= 4 ? 'B' : 'C',
        customer.id,
      ]);
  }
});

const LIST = `query ($filter: CustomerFilter, $order: CustomerOrder, $after: String, $first: Int) {
  customers(filter: $filter, orderBy: $order, first: $first, after: $after) {
    totalCount nodes { code } pageInfo { endCursor hasNextPage }
  }
}`;
type Page = {
  customers: {
    totalCount: number;
    nodes: Array<{ code: string }>;
    pageInfo: { endCursor: string; hasNextPage: boolean };
  };
};

/** Every code of the list, walking it two at a time, and the total count the first page gave. */
async function walk(variables: Record<string, unknown>) {
  const codes: string[] = [];
  let total: number | undefined;
  let after: string | null = null;
  for (;;) {
    const result: { data?: Page | null } = await db.execute<Page>(
      LIST,
      { ...variables, first: 2, after },
      { viewer },
    );
    const page = result.data?.customers;
    total ??= page?.totalCount;
    codes.push(...(page?.nodes.map((n) => n.code) ?? []));
    if (!page?.pageInfo.hasNextPage) return { codes, total };
    after = page.pageInfo.endCursor;
  }
}

const codesOf = async (sql: string, params: unknown[] = []) =>
  (await db.orm.em.fork().execute<Array<{ code: string }>>(sql, params)).map((row) => row.code);

// Written apart from customer.filter.ts: ILIKE without wildcards, and day bounds as instants in +08:00.
describe('customer filters, each against its own SQL', () => {
  it.each([
    ['industry', { industry: ['it'] }, `select code from customer where industry ilike 'it'`],
    [
      'industry, several',
      { industry: ['IT', 'manufacturing'] },
      `select code from customer where industry ilike any (array['it', 'manufacturing'])`,
    ],
    [
      'city',
      { city: ['shanghai', '北京'] },
      `select code from customer where city ilike any (array['shanghai', '北京'])`,
    ],
    [
      'createdFrom',
      { createdFrom: '2026-11-01' },
      `select code from customer where created_at >= timestamptz '2026-11-01 00:00+08'`,
    ],
    [
      'createdFrom and createdTo',
      { createdFrom: '2026-11-01', createdTo: '2026-11-15' },
      `select code from customer
       where created_at >= timestamptz '2026-11-01 00:00+08' and created_at < timestamptz '2026-11-16 00:00+08'`,
    ],
    [
      'reviewedTo',
      { reviewedTo: '2026-11-10' },
      `select code from customer where reviewed_at < timestamptz '2026-11-11 00:00+08'`,
    ],
    [
      'reviewedFrom and reviewedTo, one day',
      { reviewedFrom: '2026-11-18', reviewedTo: '2026-11-18' },
      `select code from customer
       where reviewed_at >= timestamptz '2026-11-18 00:00+08' and reviewed_at < timestamptz '2026-11-19 00:00+08'`,
    ],
    [
      'creditReportExpiringBefore: latest report ends before the day, or no report',
      { creditReportExpiringBefore: '2026-12-02' },
      `select c.code from customer c
       where coalesce((select r.valid_until from credit_report r where r.customer_id = c.id
                       order by r.reported_at desc, r.valid_until desc limit 1) < date '2026-12-02', true)`,
    ],
    [
      'hasUncoveredDecisionMaker',
      { hasUncoveredDecisionMaker: true },
      `select code from (${EXPECTED_SCORES_SQL}) s where score = 2`,
    ],
    [
      'hasUncoveredDecisionMaker false, with an industry',
      { hasUncoveredDecisionMaker: false, industry: ['it', 'it services'] },
      `select code from (${EXPECTED_SCORES_SQL}) s join customer c using (code)
       where score <> 2 and lower(c.industry) in ('it', 'it services')`,
    ],
    [
      'coverageScore 0 or 1: no key person, or none deciding',
      { coverageScore: [0, 1] },
      `select code from (${EXPECTED_SCORES_SQL}) s where score < 2`,
    ],
    [
      'coverageScore 0 and 3, in the A and B classes',
      { coverageScore: [0, 3], abcClass: ['A', 'B'] },
      `select code from (${EXPECTED_SCORES_SQL}) s where score in (0, 3) and class in ('A', 'B')`,
    ],
  ])('%s', async (_case, filter, sql) => {
    const expected = await codesOf(`select code from (${sql}) x order by code`);
    const { codes, total } = await walk({ filter });
    expect(codes).toEqual(expected);
    expect(total).toBe(expected.length);
    // each case narrows the list to something, and not to everything
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(ROWS.length);
  });

  it('keeps the customers whose latest report is still valid on the day, even when it ends that day', async () => {
    const { codes } = await walk({ filter: { creditReportExpiringBefore: '2026-12-01' } });
    // F03's report is valid until 12-01 inclusive; F04's latest ends 11-25 although an older one runs on
    expect(codes).toEqual(['F01', 'F02', 'F04', 'F07']);
  });
});

describe('customer sorts page without duplicates or gaps', () => {
  it.each([
    ['UPDATED_AT', 'ASC', 'order by updated_at asc, id asc'],
    ['CREATED', 'ASC', 'order by created_at asc, id asc'],
    ['CREATED', 'DESC', 'order by created_at desc, id desc'],
    ['REVIEWED', 'ASC', 'order by reviewed_at asc nulls last, id asc'],
    ['REVIEWED', 'DESC', 'order by reviewed_at desc nulls last, id desc'],
    [
      'ABC_RANK',
      'ASC',
      'order by (select rank from abc_grade g where g.customer_id = c.id) asc nulls last, id asc',
    ],
    [
      'ABC_RANK',
      'DESC',
      'order by (select rank from abc_grade g where g.customer_id = c.id) desc nulls last, id desc',
    ],
  ])('%s %s', async (field, direction, orderBy) => {
    const expected = await codesOf(`select code from customer c ${orderBy}`);
    const { codes } = await walk({ order: { field, direction } });
    expect(codes).toEqual(expected);
  });

  it('sorts a filtered list too; a city matches whole, ignoring case only', async () => {
    const expected = await codesOf(
      `select code from customer where city ilike any (array['shanghai', 'beijing'])
       order by reviewed_at desc nulls last, id desc`,
    );
    const { codes } = await walk({
      filter: { city: ['shanghai', 'BEIJING'] },
      order: { field: 'REVIEWED', direction: 'DESC' },
    });
    expect(codes).toEqual(expected);
    expect([...codes].sort()).toEqual(['F01', 'F02', 'F04', 'F06']);
  });
});

describe('customer filters refuse bad input before any SQL runs', () => {
  const forged = (value: string | number | null) =>
    encodeCursor({ value, id: '00000000-0000-4000-8000-000000000000' });

  it.each([
    [
      'a creation range that ends before it starts',
      { filter: { createdFrom: '2026-11-02', createdTo: '2026-11-01' } },
      'filter.createdFrom',
    ],
    [
      'a review range that ends before it starts',
      { filter: { reviewedFrom: '2026-11-02', reviewedTo: '2026-11-01' } },
      'filter.reviewedFrom',
    ],
    ['an owner that is not a Staff id', { filter: { ownerId: 'nonsense' } }, 'filter.ownerId'],
    ['a coverage score above 3', { filter: { coverageScore: [2, 4] } }, 'filter.coverageScore'],
    [
      'a name where an ABC rank goes',
      { order: { field: 'ABC_RANK', direction: 'ASC' }, after: forged('F01') },
      'after',
    ],
    [
      'a fractional ABC rank',
      { order: { field: 'ABC_RANK', direction: 'ASC' }, after: forged(1.5) },
      'after',
    ],
    [
      'a day where a review time goes',
      { order: { field: 'REVIEWED', direction: 'ASC' }, after: forged('2026-11-01') },
      'after',
    ],
    ['no creation time', { order: { field: 'CREATED', direction: 'ASC' }, after: forged(null) }, 'after'],
  ])('%s', async (_case, variables, field) => {
    const sql = await db.captureSql(async () => {
      const result = await db.execute(LIST, variables, { viewer });
      expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', field],
      ]);
    });
    expect(sql).toEqual([]);
  });
});
