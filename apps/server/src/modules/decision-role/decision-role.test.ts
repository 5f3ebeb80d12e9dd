import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { KeyPerson } from '../key-person/key-person.entity.js';
import type { Project } from '../project/project.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import { DecisionRoleAssignment } from './decision-role.entity.js';

const db = await testDatabase();
const build = builders(db.orm);
let rep: Staff;
let customer: Customer;
let project: Project;

beforeAll(async () => {
  rep = await build.staff({}, StaffRole.ADMIN);
  customer = await build.customer();
  project = await build.project(customer, { name: '配电自动化招标' });
});

const ASSIGN = `mutation ($input: AssignDecisionRoleInput!) {
  assignDecisionRole(input: $input) { id role influence concerns version keyPerson { name } project { name } }
}`;
const REMOVE = 'mutation ($id: ID!) { removeDecisionRole(id: $id) }';
const REMOVE_AT = 'mutation ($id: ID!, $v: Int) { removeDecisionRole(id: $id, expectedVersion: $v) }';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

type Assigned = { assignDecisionRole: { id: string; role: string } };
const gid = (type: string, row: { id: string }) => toGlobalId(type, row.id);
const assign = (person: KeyPerson, input: Record<string, unknown>) =>
  db.execute<Assigned>(
    ASSIGN,
    { input: { keyPersonId: gid('KeyPerson', person), role: 'DECISION_MAKER', influence: 'HIGH', ...input } },
    { viewer: rep },
  );

async function changesOf(entityId: string) {
  return db.orm.em
    .getConnection()
    .execute('select action, customer_id from change where entity_id = ? order by at, id', [entityId]);
}

const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1] ?? '';

describe('decision roles', () => {
  it('assigns a general role and one per project, listed under the person and the project', async () => {
    const person = await build.keyPerson(customer, { name: '王总' });
    const general = await assign(person, { concerns: ' 价格与售后 ' });
    expect(general.data?.assignDecisionRole).toMatchObject({
      role: 'DECISION_MAKER',
      influence: 'HIGH',
      concerns: '价格与售后',
      version: 1,
      keyPerson: { name: '王总' },
      project: null,
    });
    const perProject = await assign(person, { projectId: gid('Project', project), role: 'ECONOMIC_BUYER' });
    expect(perProject.data?.assignDecisionRole).toMatchObject({
      role: 'ECONOMIC_BUYER',
      project: { name: '配电自动化招标' },
    });

    const read = await db.execute(
      `query ($kp: ID!, $p: ID!) {
        keyPerson(id: $kp) { roles { role project { name } } }
        project(id: $p) { decisionRoles { role keyPerson { name } } }
      }`,
      { kp: gid('KeyPerson', person), p: gid('Project', project) },
      { viewer: rep },
    );
    expect(read.data).toEqual({
      keyPerson: {
        roles: [
          { role: 'DECISION_MAKER', project: null },
          { role: 'ECONOMIC_BUYER', project: { name: '配电自动化招标' } },
        ],
      },
      project: { decisionRoles: [{ role: 'ECONOMIC_BUYER', keyPerson: { name: '王总' } }] },
    });
    const id = uuidOf(general.data?.assignDecisionRole.id ?? '');
    expect(await changesOf(id)).toEqual([{ action: 'CREATE', customer_id: customer.id }]);
  });

  it('refuses a second role of the same kind for the same project, or in general, writing nothing', async () => {
    const person = await build.keyPerson(customer);
    await assign(person, {});
    await assign(person, { projectId: gid('Project', project) });
    for (const input of [{}, { projectId: gid('Project', project) }]) {
      const before = await tableCounts(db.orm);
      const result = await assign(person, { ...input, influence: 'LOW' });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.role' });
      expect(await tableCounts(db.orm)).toEqual(before);
    }
  });

  it('refuses a project of another customer on input.projectId, writing nothing', async () => {
    const person = await build.keyPerson(customer);
    const foreign = await build.project(await build.customer());
    const before = await tableCounts(db.orm);
    const result = await assign(person, { projectId: gid('Project', foreign) });
    expect(result.errors?.[0]).toMatchObject({
      message: "input.projectId must be a project of the key person's customer",
      extensions: { code: 'BAD_USER_INPUT', field: 'input.projectId' },
    });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it.each([
    ['a malformed key person id', 'BAD_USER_INPUT', 'input.keyPersonId', { keyPersonId: 'x' }],
    [
      'a project id as key person',
      'BAD_USER_INPUT',
      'input.keyPersonId',
      { keyPersonId: toGlobalId('Project', UNKNOWN) },
    ],
    [
      'an unknown key person',
      'NOT_FOUND',
      'input.keyPersonId',
      { keyPersonId: toGlobalId('KeyPerson', UNKNOWN) },
    ],
    ['a malformed project id', 'BAD_USER_INPUT', 'input.projectId', { projectId: 'x' }],
    [
      'a customer id as project',
      'BAD_USER_INPUT',
      'input.projectId',
      { projectId: toGlobalId('Customer', UNKNOWN) },
    ],
    ['an unknown project', 'NOT_FOUND', 'input.projectId', { projectId: toGlobalId('Project', UNKNOWN) }],
    ['concerns of 2001 characters', 'BAD_USER_INPUT', 'input.concerns', { concerns: 'c'.repeat(2001) }],
  ])('refuses %s with %s on %s, writing nothing', async (_case, code, field, input) => {
    const person = await build.keyPerson(customer);
    const before = await tableCounts(db.orm);
    const result = await assign(person, input);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it.each([
    ['an unknown role', { role: 'BOSS' }],
    ['a missing influence', { influence: undefined }],
  ])('refuses %s before any resolver runs', async (_case, input) => {
    const person = await build.keyPerson(customer);
    const before = await tableCounts(db.orm);
    const result = await assign(person, input);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('removes a role, recording the DELETE under the customer', async () => {
    const person = await build.keyPerson(customer);
    const assigned = await assign(person, { role: 'COACH' });
    const id = assigned.data?.assignDecisionRole.id ?? '';
    const removed = await db.execute(REMOVE, { id }, { viewer: rep });
    expect(removed.data).toEqual({ removeDecisionRole: true });
    expect(await changesOf(uuidOf(id))).toEqual([
      { action: 'CREATE', customer_id: customer.id },
      { action: 'DELETE', customer_id: customer.id },
    ]);
    const again = await db.execute(REMOVE, { id }, { viewer: rep });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it.each([
    ['an unknown id', 'NOT_FOUND', toGlobalId('DecisionRoleAssignment', UNKNOWN)],
    ['a key person id', 'BAD_USER_INPUT', toGlobalId('KeyPerson', UNKNOWN)],
    ['a malformed id', 'BAD_USER_INPUT', '%%%'],
  ])('refuses to remove %s with %s on id, writing nothing', async (_case, code, id) => {
    const before = await tableCounts(db.orm);
    const result = await db.execute(REMOVE, { id }, { viewer: rep });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field: 'id' });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  describe('with expectedVersion', () => {
    const removeAt = (id: string, v: number) => db.execute(REMOVE_AT, { id, v }, { viewer: rep });

    it('removes the role at the version read', async () => {
      const role = await build.role(await build.keyPerson(customer));
      const removed = await removeAt(gid('DecisionRoleAssignment', role), 1);
      expect(removed.data).toEqual({ removeDecisionRole: true });
      expect(await db.orm.em.fork().count(DecisionRoleAssignment, { id: role.id })).toBe(0);
      expect(await changesOf(role.id)).toEqual([
        { action: 'CREATE', customer_id: customer.id },
        { action: 'DELETE', customer_id: customer.id },
      ]);
    });

    it('refuses a stale version with VERSION_CONFLICT and the current one, writing nothing', async () => {
      const role = await build.role(await build.keyPerson(customer));
      // Another writer's change, as its version shows it.
      await db.orm.em.fork().nativeUpdate(DecisionRoleAssignment, { id: role.id }, { version: 2 });
      const before = await tableCounts(db.orm);
      const stale = await removeAt(gid('DecisionRoleAssignment', role), 1);
      expect(stale.errors?.[0]?.extensions).toEqual({ code: 'VERSION_CONFLICT', currentVersion: 2 });
      expect(await tableCounts(db.orm)).toEqual(before);
    });

    it('answers NOT_FOUND for a role already removed, writing nothing', async () => {
      const role = await build.role(await build.keyPerson(customer));
      const id = gid('DecisionRoleAssignment', role);
      await removeAt(id, 1);
      const before = await tableCounts(db.orm);
      const again = await removeAt(id, 1);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expect(await tableCounts(db.orm)).toEqual(before);
    });
  });
});
