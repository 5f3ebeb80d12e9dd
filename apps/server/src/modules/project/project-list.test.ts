import { StaffRole, ProjectStage as Stage } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { expectBadInput, idsBySql, rootListQuery, walkRootList } from '../../../test/connections.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { encodeCursor } from '../../core/pagination/cursor.js';
import type { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';

const db = await testDatabase({ clock: fixedClock('2026-11-20T02:00:00Z') });
const build = builders(db.orm);
const LIST = rootListQuery('projects', 'ProjectFilter', 'ProjectOrder');
let viewer: Staff;
let first: Staff;
let north: Customer;

/**
 * Seven projects at two customers: shared amounts and close dates (ties broken by id), projects with no
 * amount or no close date (sorted last), the largest amount a project holds, and one with no owner.
 */
beforeAll(async () => {
  viewer = await build.staff({}, StaffRole.ADMIN);
  first = await build.staff();
  const second = await build.staff();
  const east = await build.customer({ name: '华东客户' });
  north = await build.customer({ name: '华北客户' });
  const specs: Array<[Customer, string, Stage, string | null, string | null, Staff | null]> = [
    [east, 'P 甲', Stage.LEAD, '1000.00', '2026-12-01', first],
    [east, 'P 乙', Stage.PROPOSAL, '1000.00', '2026-12-01', second],
    [east, 'P 丙', Stage.WON, '999999999999.99', '2027-01-15', first],
    [north, 'P 丁', Stage.NEGOTIATION, null, '2026-11-30', null],
    [north, 'P 戊', Stage.LOST, '0.00', null, first],
    [north, 'P 己', Stage.BIDDING, '1000.01', '2026-12-31', second],
    [north, 'P 庚', Stage.QUALIFIED, null, null, second],
  ];
  for (const [customer, name, stage, amount, expectedCloseDate, owner] of specs) {
    await build.project(customer, {
      name,
      stage,
      amount,
      expectedCloseDate,
      owner: owner ? build.ref(Staff, owner) : null,
    });
  }
});

const bySql = (where: string, params: unknown[] = [], orderBy = 'p.expected_close_date nulls last, p.id') =>
  idsBySql(db, 'Project', `select p.id from project p where ${where} order by ${orderBy}`, params);

describe('projects filters, each against SQL, walked two at a time', () => {
  it.each<[string, Record<string, unknown>, string, number]>([
    [
      'open stages',
      { stages: ['LEAD', 'PROPOSAL', 'BIDDING'] },
      `p.stage in ('LEAD', 'PROPOSAL', 'BIDDING')`,
      3,
    ],
    [
      'closing from a day on',
      { expectedCloseFrom: '2026-12-01' },
      `p.expected_close_date >= date '2026-12-01'`,
      4,
    ],
    [
      'closing up to a day',
      { expectedCloseTo: '2026-12-01' },
      `p.expected_close_date <= date '2026-12-01'`,
      3,
    ],
    [
      'closing in December',
      { expectedCloseFrom: '2026-12-01', expectedCloseTo: '2026-12-31' },
      `p.expected_close_date between date '2026-12-01' and date '2026-12-31'`,
      3,
    ],
    [
      'closing on one day',
      { expectedCloseFrom: '2026-12-01', expectedCloseTo: '2026-12-01' },
      `p.expected_close_date = date '2026-12-01'`,
      2,
    ],
    ['at least an amount', { amountMin: '1000.00' }, 'p.amount >= 1000', 4],
    ['at most an amount', { amountMax: '1000' }, 'p.amount <= 1000', 3],
    ['one cent more', { amountMin: '1000.01' }, 'p.amount > 1000', 2],
    ['exactly an amount', { amountMin: '1000', amountMax: '1000.0' }, 'p.amount = 1000', 2],
    ['a cent below the largest', { amountMax: '999999999999.98' }, `p.amount < 999999999999.99`, 4],
    [
      'combined',
      { stages: ['LEAD', 'PROPOSAL', 'WON'], amountMin: '1000', expectedCloseTo: '2026-12-31' },
      `p.stage in ('LEAD', 'PROPOSAL', 'WON') and p.amount >= 1000 and p.expected_close_date <= date '2026-12-31'`,
      2,
    ],
  ])('%s', async (_name, filter, where, count) => {
    const expected = await bySql(where);
    expect(expected).toHaveLength(count);
    expect(await walkRootList(db, viewer, 'projects', LIST, { filter }, 2)).toEqual({
      ids: expected,
      totalCount: count,
    });
  });

  it('answers the projects themselves', async () => {
    const result = await db.execute(
      `{ projects(filter: { amountMin: "999999999999.99" }) {
        nodes { name stage amount expectedCloseDate owner { id } customer { name } }
      } }`,
      {},
      { viewer },
    );
    expect(result.data).toEqual({
      projects: {
        nodes: [
          {
            name: 'P 丙',
            stage: 'WON',
            amount: '999999999999.99',
            expectedCloseDate: '2027-01-15',
            owner: { id: toGlobalId('Staff', first.id) },
            customer: { name: '华东客户' },
          },
        ],
      },
    });
  });

  it('keeps one owner’s and one customer’s projects', async () => {
    const owned = await bySql('p.owner_id = ?', [first.id]);
    expect(owned).toHaveLength(3);
    const byOwner = { filter: { ownerId: toGlobalId('Staff', first.id) } };
    expect((await walkRootList(db, viewer, 'projects', LIST, byOwner, 2)).ids).toEqual(owned);
    const customers = await bySql('p.customer_id = ?', [north.id]);
    expect(customers).toHaveLength(4);
    const byCustomer = { filter: { customerId: toGlobalId('Customer', north.id) } };
    expect((await walkRootList(db, viewer, 'projects', LIST, byCustomer, 2)).ids).toEqual(customers);
  });
});

describe('projects sorted, each against SQL, nulls last, walked two at a time', () => {
  it.each<[string, string, string]>([
    ['EXPECTED_CLOSE_DATE', 'ASC', 'p.expected_close_date asc nulls last, p.id asc'],
    ['EXPECTED_CLOSE_DATE', 'DESC', 'p.expected_close_date desc nulls last, p.id desc'],
    ['AMOUNT', 'ASC', 'p.amount asc nulls last, p.id asc'],
    ['AMOUNT', 'DESC', 'p.amount desc nulls last, p.id desc'],
    ['NAME', 'ASC', 'p.name asc, p.id asc'],
    ['NAME', 'DESC', 'p.name desc, p.id desc'],
  ])('%s %s', async (field, direction, orderBy) => {
    const expected = await bySql('true', [], orderBy);
    expect(expected).toHaveLength(7);
    for (const size of [1, 2, 3]) {
      const walked = await walkRootList(
        db,
        viewer,
        'projects',
        LIST,
        { orderBy: { field, direction } },
        size,
      );
      expect(walked.ids).toEqual(expected);
    }
  });
});

describe('projects refuses', () => {
  const someId = '00000000-0000-4000-8000-000000000000';
  it.each<[string, Record<string, unknown>, string]>([
    ['a negative amount', { filter: { amountMin: '-0.01' } }, 'filter.amountMin'],
    ['a negative maximum', { filter: { amountMax: '-5' } }, 'filter.amountMax'],
    [
      'a minimum above the maximum',
      { filter: { amountMin: '10.00', amountMax: '9.99' } },
      'filter.amountMax',
    ],
    [
      'a close range ending before it starts',
      { filter: { expectedCloseFrom: '2026-12-02', expectedCloseTo: '2026-12-01' } },
      'filter.expectedCloseTo',
    ],
    ['a customer id as owner', { filter: { ownerId: toGlobalId('Customer', someId) } }, 'filter.ownerId'],
    ['a staff id as customer', { filter: { customerId: toGlobalId('Staff', someId) } }, 'filter.customerId'],
    ['a page size over the maximum', { first: 500 }, 'first'],
    [
      'a text cursor on the amount sort',
      { after: encodeCursor({ value: 'P 甲', id: someId }), orderBy: { field: 'AMOUNT', direction: 'ASC' } },
      'after',
    ],
    [
      'a null cursor on the name sort, which has no nulls',
      { after: encodeCursor({ value: null, id: someId }), orderBy: { field: 'NAME', direction: 'ASC' } },
      'after',
    ],
  ])('%s with BAD_USER_INPUT', async (_name, variables, field) => {
    expectBadInput(await db.execute(LIST, variables, { viewer }), field);
  });

  it('anonymous callers with UNAUTHENTICATED', async () => {
    const result = await db.execute(LIST, {});
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('projects batches nested fields', () => {
  it('costs the same statements for a page of 10 as of 50', async () => {
    const crowd = await build.customer({ name: '项目多的客户' });
    await db.orm.em.fork().execute(
      `insert into project (id, customer_id, name, stage, amount, owner_id)
       select gen_random_uuid(), ?, '批量项目' || g, 'LEAD', g * 10, ? from generate_series(1, 60) g`,
      [crowd.id, first.id],
    );
    const NESTED = `query ($first: Int, $filter: ProjectFilter) {
      projects(first: $first, filter: $filter, orderBy: { field: AMOUNT, direction: DESC }) {
        nodes { name amount customer { name } owner { name } events { title } decisionRoles { role } }
      }
    }`;
    type Nested = { projects: { nodes: Array<{ amount: string; customer: { name: string } }> } };
    const measure = async (size: number) => {
      let nodes: Nested['projects']['nodes'] = [];
      const statements = await db.captureSql(async () => {
        const filter = { customerId: toGlobalId('Customer', crowd.id) };
        const result = await db.execute<Nested>(NESTED, { first: size, filter }, { viewer });
        expect(result.errors).toBeUndefined();
        nodes = result.data?.projects.nodes ?? [];
      });
      return { nodes, statements };
    };
    const [small, large] = [await measure(10), await measure(50)];
    expect(small.nodes.map((node) => node.amount).slice(0, 2)).toEqual(['600.00', '590.00']);
    expect(large.nodes).toHaveLength(50);
    expect(large.nodes[49]).toMatchObject({ amount: '110.00', customer: { name: '项目多的客户' } });
    expect(large.statements.length).toBe(small.statements.length);
  });
});
