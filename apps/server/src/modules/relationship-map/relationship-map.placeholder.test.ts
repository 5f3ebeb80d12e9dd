import { DecisionRole, InfluenceLevel, RelationshipState, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { parseGlobalId, toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { KeyPerson } from '../key-person/key-person.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import { mapFixtures } from './map.fixtures.js';

const db = await testDatabase({ clock: fixedClock('2026-11-29T08:00:00Z') });
const build = builders(db.orm);
const fixtures = mapFixtures(db.orm);
let rep: Staff;
let customer: Customer;
let ceo: KeyPerson;

beforeAll(async () => {
  rep = await build.staff({ name: '张三' }, StaffRole.ADMIN);
  customer = await build.customer({ name: '华东电力设计院' });
  ceo = await build.keyPerson(customer, { name: '周总', department: '总经办' });
  await fixtures.relationship(ceo, rep, RelationshipState.POSITIVE);
});

const PERSON = 'id name isPlaceholder title department version reportsTo { name } roles { role influence }';
const ADD = `mutation ($input: AddPlaceholderInput!) { addPlaceholder(input: $input) { ${PERSON} } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateKeyPersonInput!) {
  updateKeyPerson(id: $id, expectedVersion: $v, input: $input) { ${PERSON} }
}`;
const SET = `mutation ($input: SetRelationshipStateInput!) { setRelationshipState(input: $input) { state } }`;
const GAPS = `query ($id: ID!) {
  customer(id: $id) { relationshipMap { keyPersons { name isPlaceholder } coverage {
    gaps { keyPerson { name isPlaceholder } suggestedContacts { staff { name } via { name } closeness } }
  } } }
}`;

type Person = { id: string; name: string; isPlaceholder: boolean; version: number };
const gid = (type: string, row: { id: string }) => toGlobalId(type, row.id);

const add = (input: Record<string, unknown>) =>
  db.execute<{ addPlaceholder: Person }>(
    ADD,
    { input: { customerId: gid('Customer', customer), ...input } },
    { viewer: rep },
  );
const update = (id: string, v: number, input: Record<string, unknown>) =>
  db.execute<{ updateKeyPerson: Person }>(UPDATE, { id, v, input }, { viewer: rep });

async function gaps() {
  const result = await db.execute<{
    customer: { relationshipMap: { coverage: { gaps: unknown[] } } };
  }>(GAPS, { id: gid('Customer', customer) }, { viewer: rep });
  expect(result.errors).toBeUndefined();
  return result.data?.customer.relationshipMap.coverage.gaps;
}

describe('placeholders on the relationship map', () => {
  it('counts a decision-maker placeholder as a gap until its name is filled in and covered', async () => {
    const added = await add({
      title: ' 财务总监 ',
      department: '财务部',
      reportsToId: gid('KeyPerson', ceo),
      role: { role: DecisionRole.ECONOMIC_BUYER, influence: InfluenceLevel.MEDIUM },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data?.addPlaceholder).toMatchObject({
      name: '财务总监',
      isPlaceholder: true,
      title: '财务总监',
      department: '财务部',
      version: 1,
      reportsTo: { name: '周总' },
      roles: [{ role: 'ECONOMIC_BUYER', influence: 'MEDIUM' }],
    });
    const id = added.data?.addPlaceholder.id ?? '';
    const placeholderGap = {
      keyPerson: { name: '财务总监', isPlaceholder: true },
      suggestedContacts: [{ staff: { name: '张三' }, via: { name: '周总' }, closeness: 'MANAGER' }],
    };
    expect(await gaps()).toEqual([placeholderGap]);

    // A positive link recorded against the role covers nobody: we do not know who holds it.
    const link = await db.execute(
      SET,
      { input: { keyPersonId: id, staffId: gid('Staff', rep), state: 'POSITIVE' } },
      { viewer: rep },
    );
    expect(link.errors).toBeUndefined();
    expect(await gaps()).toEqual([placeholderGap]);

    const filled = await update(id, 1, { name: '钱芳' });
    expect(filled.data?.updateKeyPerson).toMatchObject({ name: '钱芳', isPlaceholder: false, version: 2 });
    expect(await gaps()).toEqual([]);

    const history = await db.orm.em.getConnection().execute(
      `select c.action, f.field, f.before, f.after from change c join field_change f on f.change_id = c.id
       where c.entity_id = ? and f.field in ('name', 'title') order by c.at, c.id, f.field`,
      [parseGlobalId(id)?.id],
    );
    expect(history).toEqual([
      { action: 'CREATE', field: 'title', before: null, after: '财务总监' },
      { action: 'UPDATE', field: 'name', before: null, after: '钱芳' },
    ]);
  });

  it('filled in but not yet covered, an ordinary decision maker stays a gap', async () => {
    const other = await build.customer();
    const added = await db.execute<{ addPlaceholder: Person }>(
      ADD,
      {
        input: {
          customerId: gid('Customer', other),
          title: '总经理',
          role: { role: DecisionRole.DECISION_MAKER, influence: InfluenceLevel.HIGH },
        },
      },
      { viewer: rep },
    );
    const id = added.data?.addPlaceholder.id ?? '';
    await update(id, 1, { name: '孙总' });
    const result = await db.execute<{ customer: { relationshipMap: { coverage: { gaps: unknown[] } } } }>(
      GAPS,
      { id: gid('Customer', other) },
      { viewer: rep },
    );
    expect(result.data?.customer.relationshipMap.coverage.gaps).toEqual([
      { keyPerson: { name: '孙总', isPlaceholder: false }, suggestedContacts: [] },
    ]);
  });

  it('adds a placeholder without a role: on the map, but no gap', async () => {
    const other = await build.customer();
    const added = await db.execute<{ addPlaceholder: Person }>(
      ADD,
      { input: { customerId: gid('Customer', other), title: '采购专员' } },
      { viewer: rep },
    );
    expect(added.data?.addPlaceholder).toMatchObject({ name: '采购专员', isPlaceholder: true, roles: [] });
    const result = await db.execute(GAPS, { id: gid('Customer', other) }, { viewer: rep });
    expect(result.data).toEqual({
      customer: {
        relationshipMap: {
          keyPersons: [{ name: '采购专员', isPlaceholder: true }],
          coverage: { gaps: [] },
        },
      },
    });
  });

  it.each([
    ['a blank title', { title: ' ' }, 'BAD_USER_INPUT', 'input.title'],
    ['a title of 101 characters', { title: 't'.repeat(101) }, 'BAD_USER_INPUT', 'input.title'],
    [
      'an unknown superior',
      { title: '总监', reportsToId: toGlobalId('KeyPerson', '00000000-0000-4000-8000-000000000000') },
      'NOT_FOUND',
      'input.reportsToId',
    ],
    [
      'a malformed project of the role',
      { title: '总监', role: { projectId: 'bogus', role: 'DECISION_MAKER', influence: 'HIGH' } },
      'BAD_USER_INPUT',
      'input.role.projectId',
    ],
    [
      'concerns of 2001 characters',
      { title: '总监', role: { role: 'DECISION_MAKER', influence: 'HIGH', concerns: 'c'.repeat(2001) } },
      'BAD_USER_INPUT',
      'input.role.concerns',
    ],
  ])('refuses %s with %s on %s, writing nothing', async (_case, input, code, field) => {
    const before = await tableCounts(db.orm);
    const result = await add(input);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it("refuses a role in another customer's project, writing neither the placeholder nor the role", async () => {
    const project = await build.project(await build.customer());
    const before = await tableCounts(db.orm);
    const result = await add({
      title: '总监',
      role: { projectId: gid('Project', project), role: 'DECISION_MAKER', influence: 'HIGH' },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.role.projectId',
    });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it.each([
    ['clearing the title of a placeholder', { title: null }, 'input.title'],
    ['a null name', { name: null }, 'input.name'],
  ])('refuses %s (BAD_USER_INPUT), writing nothing', async (_case, input, field) => {
    const added = await add({ title: '副总经理' });
    const before = await tableCounts(db.orm);
    const result = await update(added.data?.addPlaceholder.id ?? '', 1, input);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await tableCounts(db.orm)).toEqual(before);
  });
});
