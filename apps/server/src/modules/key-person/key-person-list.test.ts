import {
  InfluenceLevel as Influence,
  DecisionRole as Role,
  StaffRole,
  RelationshipState as State,
} from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { expectBadInput, idsBySql, rootListQuery, walkRootList } from '../../../test/connections.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';

const db = await testDatabase({ clock: fixedClock('2026-11-20T02:00:00Z') });
const build = builders(db.orm);
const LIST = rootListQuery('keyPersons', 'KeyPersonFilter', 'KeyPersonOrder');
let viewer: Staff;
let east: Customer;

/**
 * Seven people at three customers. Each filter below keeps some and drops others, and the traps are
 * deliberate: a positive link held only by a departed colleague, a placeholder with a positive link, a role
 * and an influence held in two different assignments, two people of the same name.
 */
beforeAll(async () => {
  viewer = await build.staff({}, StaffRole.ADMIN);
  const [rep, manager, departed] = [viewer, await build.staff(), await build.staff({ active: false })];
  // The viewer owns the customers, so the people's personal data (profiles) is theirs to read.
  const owner = build.ref(Staff, viewer);
  east = await build.customer({ name: 'A 华东客户', region: '华东', owner });
  const north = await build.customer({ name: 'B 华北客户', region: '华北', owner });
  const nowhere = await build.customer({ name: 'C 无区域客户', region: null, owner });
  const project = await build.project(east);

  const wang = await build.keyPerson(east, { name: '王伟', title: '总经理' });
  await build.role(wang, Role.DECISION_MAKER, Influence.HIGH);
  await build.relationship(wang, rep, State.NEUTRAL);
  await build.relationship(wang, manager, State.POSITIVE);

  const li = await build.keyPerson(east, { name: '李娜', title: '财务总监' });
  await build.role(li, Role.ECONOMIC_BUYER, Influence.MEDIUM, project);
  await build.role(li, Role.INFLUENCER, Influence.LOW);
  await build.relationship(li, departed, State.POSITIVE);
  await build.relationship(li, rep, State.NEGATIVE);

  const buyer = await build.keyPerson(east, { name: null, title: '采购经理' });
  await build.role(buyer, Role.GATEKEEPER, Influence.HIGH);
  await build.relationship(buyer, rep, State.POSITIVE);

  const wang2 = await build.keyPerson(north, { name: '王伟', title: '技术主管' });
  await build.role(wang2, Role.TECHNICAL_BUYER, Influence.LOW);
  await build.relationship(wang2, rep, State.NONE);

  const zhang = await build.keyPerson(north, { name: 'Zhang Wei', title: 'CTO', active: false });
  await build.relationship(zhang, manager, State.NEUTRAL);

  const anna = await build.keyPerson(nowhere, { name: 'Anna', title: 'Buyer' });
  await build.role(anna, Role.USER_BUYER, Influence.MEDIUM);

  await build.keyPerson(nowhere, { name: '赵敏', title: '办公室主任' });
});

/** The best state written another way than the server's: the first established state in rank order. */
const BEST_STATE = `case when kp.name is null then 'NONE' else coalesce((
  select r.state from relationship r join staff s on s.id = r.staff_id
  where r.key_person_id = kp.id and s.active and r.state <> 'NONE'
  order by array_position(array['POSITIVE', 'NEUTRAL', 'NEGATIVE'], r.state::text) limit 1), 'NONE') end`;

const hasRole = (condition: string) =>
  `exists (select 1 from decision_role_assignment d where d.key_person_id = kp.id and ${condition})`;

const bySql = (where: string, orderBy = 'coalesce(kp.name, kp.title), kp.id', params: unknown[] = []) =>
  idsBySql(
    db,
    'KeyPerson',
    `select kp.id from key_person kp join customer c on c.id = kp.customer_id where ${where} order by ${orderBy}`,
    params,
  );

describe('keyPersons filters, each against SQL, walked two at a time', () => {
  it.each<[string, Record<string, unknown>, string, number]>([
    [
      'decision makers by role',
      { role: ['DECISION_MAKER', 'ECONOMIC_BUYER'] },
      hasRole(`d.role in ('DECISION_MAKER', 'ECONOMIC_BUYER')`),
      2,
    ],
    ['high influence', { influence: ['HIGH'] }, hasRole(`d.influence = 'HIGH'`), 2],
    [
      'role and influence of one assignment',
      { role: ['INFLUENCER'], influence: ['LOW'] },
      hasRole(`d.role = 'INFLUENCER' and d.influence = 'LOW'`),
      1,
    ],
    [
      'role and influence held apart',
      { role: ['ECONOMIC_BUYER'], influence: ['LOW'] },
      hasRole(`d.role = 'ECONOMIC_BUYER' and d.influence = 'LOW'`),
      0,
    ],
    ['best POSITIVE', { bestRelationshipState: ['POSITIVE'] }, `${BEST_STATE} = 'POSITIVE'`, 1],
    [
      'best NEGATIVE behind a departed positive',
      { bestRelationshipState: ['NEGATIVE'] },
      `${BEST_STATE} = 'NEGATIVE'`,
      1,
    ],
    ['best NONE, placeholder included', { bestRelationshipState: ['NONE'] }, `${BEST_STATE} = 'NONE'`, 4],
    [
      'best NEUTRAL or NEGATIVE',
      { bestRelationshipState: ['NEUTRAL', 'NEGATIVE'] },
      `${BEST_STATE} in ('NEUTRAL', 'NEGATIVE')`,
      2,
    ],
    ['regions', { region: ['华东', '华北'] }, `c.region in ('华东', '华北')`, 5],
    [
      'name search',
      { search: '王' },
      `coalesce(kp.name, '') like '%王%' or coalesce(kp.title, '') like '%王%'`,
      2,
    ],
    ['title search', { search: '主' }, `kp.title like '%主%'`, 2],
    ['case-insensitive search', { search: 'zhang' }, `lower(kp.name) like '%zhang%'`, 1],
    ['search for a literal %', { search: '%' }, `strpos(kp.name, '%') > 0 or strpos(kp.title, '%') > 0`, 0],
    ['former', { active: false }, 'not kp.active', 1],
    ['current', { active: true }, 'kp.active', 6],
    [
      'combined',
      { region: ['华东'], bestRelationshipState: ['NONE'], active: true },
      `c.region = '华东' and kp.active and ${BEST_STATE} = 'NONE'`,
      1,
    ],
  ])('%s', async (_name, filter, where, count) => {
    const expected = await bySql(where);
    expect(expected).toHaveLength(count);
    const walked = await walkRootList(db, viewer, 'keyPersons', LIST, { filter }, 2);
    expect(walked).toEqual({ ids: expected, totalCount: count });
  });

  it('answers the people themselves, placeholder and profile included', async () => {
    await db.orm.em.fork().execute(`update key_person set profile_interests = '围棋' where name = '李娜'`);
    const result = await db.execute(
      `{ keyPersons(filter: { search: "财务总监" }) { nodes { name title active isPlaceholder profile { interests } customer { name } } } }`,
      {},
      { viewer },
    );
    expect(result.data).toEqual({
      keyPersons: {
        nodes: [
          {
            name: '李娜',
            title: '财务总监',
            active: true,
            isPlaceholder: false,
            profile: { interests: '围棋' },
            customer: { name: 'A 华东客户' },
          },
        ],
      },
    });
    const placeholder = await db.execute(
      `{ keyPersons(filter: { search: "采购" }) { nodes { name isPlaceholder } } }`,
      {},
      { viewer },
    );
    expect(placeholder.data).toEqual({ keyPersons: { nodes: [{ name: '采购经理', isPlaceholder: true }] } });
  });

  it('answers each person’s best relationship state as the filter reads it', async () => {
    const rows = await db.orm.em
      .fork()
      .execute<Array<{ id: string; best: string }>>(`select kp.id, ${BEST_STATE} as best from key_person kp`);
    const result = await db.execute<{
      keyPersons: { nodes: Array<{ id: string; bestRelationshipState: string }> };
    }>('{ keyPersons { nodes { id bestRelationshipState } } }', {}, { viewer });
    const answered = result.data?.keyPersons.nodes.map(
      (node) => [node.id, node.bestRelationshipState] as const,
    );
    expect(new Map(answered)).toEqual(
      new Map(rows.map((row) => [toGlobalId('KeyPerson', row.id), row.best])),
    );
    expect(new Set(rows.map((row) => row.best))).toEqual(
      new Set(['POSITIVE', 'NEUTRAL', 'NEGATIVE', 'NONE']),
    );
  });

  it('keeps one customer’s people', async () => {
    const expected = await bySql('kp.customer_id = ?', undefined, [east.id]);
    expect(expected).toHaveLength(3);
    const filter = { customerId: toGlobalId('Customer', east.id) };
    expect((await walkRootList(db, viewer, 'keyPersons', LIST, { filter }, 1)).ids).toEqual(expected);
  });
});

describe('keyPersons sorted, each against SQL, walked two at a time', () => {
  const INFLUENCE = `(select max(array_position(array['LOW', 'MEDIUM', 'HIGH'], d.influence))
    from decision_role_assignment d where d.key_person_id = kp.id)`;
  it.each<[string, string, string]>([
    ['NAME', 'ASC', 'coalesce(kp.name, kp.title) asc, kp.id asc'],
    ['NAME', 'DESC', 'coalesce(kp.name, kp.title) desc, kp.id desc'],
    ['CUSTOMER_NAME', 'ASC', 'c.name asc, kp.id asc'],
    ['CUSTOMER_NAME', 'DESC', 'c.name desc, kp.id desc'],
    ['INFLUENCE', 'ASC', `${INFLUENCE} asc nulls last, kp.id asc`],
    ['INFLUENCE', 'DESC', `${INFLUENCE} desc nulls last, kp.id desc`],
  ])('%s %s', async (field, direction, orderBy) => {
    const expected = await bySql('true', orderBy);
    expect(expected).toHaveLength(7);
    const walked = await walkRootList(db, viewer, 'keyPersons', LIST, { orderBy: { field, direction } }, 2);
    expect(walked.ids).toEqual(expected);
  });
});

describe('keyPersons refuses', () => {
  const nameCursor = async () => {
    const result = await db.execute<{ keyPersons: { pageInfo: { endCursor: string } } }>(
      LIST,
      { first: 1 },
      { viewer },
    );
    return result.data?.keyPersons.pageInfo.endCursor;
  };

  it.each<[string, () => Promise<Record<string, unknown>>, string]>([
    ['a negative page size', async () => ({ first: -1 }), 'first'],
    ['a page size over the maximum', async () => ({ first: 201 }), 'first'],
    ['a cursor it never issued', async () => ({ after: 'bm90IGEgY3Vyc29y' }), 'after'],
    [
      'a name cursor on the influence sort',
      async () => ({ after: await nameCursor(), orderBy: { field: 'INFLUENCE', direction: 'DESC' } }),
      'after',
    ],
    [
      'a staff id as customer',
      async () => ({ filter: { customerId: toGlobalId('Staff', viewer.id) } }),
      'filter.customerId',
    ],
    ['an overlong search', async () => ({ filter: { search: 'x'.repeat(101) } }), 'filter.search'],
  ])('%s with BAD_USER_INPUT', async (_name, variables, field) => {
    expectBadInput(await db.execute(LIST, await variables(), { viewer }), field);
  });

  it('anonymous callers with UNAUTHENTICATED', async () => {
    const result = await db.execute(LIST, {});
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('keyPersons batches nested fields', () => {
  it('costs the same statements for a page of 10 as of 50', async () => {
    const crowd = await build.customer({ name: 'D 人多客户' });
    await db.orm.em.fork().execute(
      `with people as (
         insert into key_person (id, customer_id, name, title)
         select gen_random_uuid(), ?, '批量' || lpad(g::text, 3, '0'), '职员' from generate_series(1, 60) g
         returning id)
       insert into decision_role_assignment (id, key_person_id, role, influence)
       select gen_random_uuid(), id, 'USER_BUYER', 'LOW' from people`,
      [crowd.id],
    );
    const NESTED = `query ($first: Int, $filter: KeyPersonFilter) {
      keyPersons(first: $first, filter: $filter) {
        nodes { name bestRelationshipState customer { name } roles { role influence } relationships { state } reportsTo { name } }
      }
    }`;
    type Nested = { keyPersons: { nodes: Array<{ customer: { name: string }; roles: unknown[] }> } };
    const measure = async (first: number) => {
      let nodes: Nested['keyPersons']['nodes'] = [];
      const statements = await db.captureSql(async () => {
        const result = await db.execute<Nested>(
          NESTED,
          { first, filter: { customerId: toGlobalId('Customer', crowd.id) } },
          { viewer },
        );
        expect(result.errors).toBeUndefined();
        nodes = result.data?.keyPersons.nodes ?? [];
      });
      return { nodes, statements };
    };
    const [small, large] = [await measure(10), await measure(50)];
    expect(small.nodes).toHaveLength(10);
    expect(large.nodes).toHaveLength(50);
    expect(large.nodes[49]).toMatchObject({
      customer: { name: 'D 人多客户' },
      roles: [{ role: 'USER_BUYER' }],
    });
    expect(large.statements.length).toBe(small.statements.length);
  });
});
