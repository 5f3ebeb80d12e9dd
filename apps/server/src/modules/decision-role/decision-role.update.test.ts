import { DecisionRole, InfluenceLevel, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import { DecisionRoleAssignment } from './decision-role.entity.js';

const db = await testDatabase();
const build = builders(db.orm);
let rep: Staff;
let customer: Customer;

beforeAll(async () => {
  rep = await build.staff({}, StaffRole.ADMIN);
  customer = await build.customer();
});

const UPDATE = `mutation ($input: UpdateDecisionRoleInput!) {
  updateDecisionRole(input: $input) { id role influence concerns version keyPerson { name } }
}`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const update = (input: Record<string, unknown>) => db.execute(UPDATE, { input }, { viewer: rep });
const roleId = (role: DecisionRoleAssignment) => toGlobalId('DecisionRoleAssignment', role.id);
const stored = (role: DecisionRoleAssignment) =>
  db.orm.em.fork().findOneOrFail(DecisionRoleAssignment, { id: role.id }, { disableIdentityMap: true });

/** The role's history after the builder's CREATE. */
async function updatesOf(entityId: string) {
  return db.orm.em.getConnection().execute(
    `select c.id, c.customer_id, f.field, f.before, f.after from change c join field_change f on f.change_id = c.id
       where c.entity_id = ? and c.action = 'UPDATE' order by f.field`,
    [entityId],
  );
}

describe('updateDecisionRole', () => {
  it('changes influence and concerns in one write, recorded as one change', async () => {
    const person = await build.keyPerson(customer, { name: '李工' });
    const role = await build.role(person, DecisionRole.TECHNICAL_BUYER, InfluenceLevel.LOW);
    const result = await update({
      id: roleId(role),
      expectedVersion: 1,
      influence: 'HIGH',
      concerns: ' 接口兼容性 ',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      updateDecisionRole: {
        id: roleId(role),
        role: 'TECHNICAL_BUYER',
        influence: 'HIGH',
        concerns: '接口兼容性',
        version: 2,
        keyPerson: { name: '李工' },
      },
    });
    const updates = await updatesOf(role.id);
    expect(updates.map(({ id: _change, ...field }) => field)).toEqual([
      { customer_id: customer.id, field: 'concerns', before: null, after: '接口兼容性' },
      { customer_id: customer.id, field: 'influence', before: 'LOW', after: 'HIGH' },
    ]);
    expect(new Set(updates.map((u) => u.id)).size).toBe(1);
  });

  it('keeps what is omitted and clears concerns sent as null', async () => {
    const role = await build.role(await build.keyPerson(customer), DecisionRole.COACH, InfluenceLevel.MEDIUM);
    await update({ id: roleId(role), expectedVersion: 1, concerns: '交期' });
    const cleared = await update({ id: roleId(role), expectedVersion: 2, concerns: null });
    expect(cleared.data?.updateDecisionRole).toMatchObject({
      influence: 'MEDIUM',
      concerns: null,
      version: 3,
    });
  });

  it('refuses a stale version with VERSION_CONFLICT and the current one, changing nothing', async () => {
    const role = await build.role(
      await build.keyPerson(customer),
      DecisionRole.USER_BUYER,
      InfluenceLevel.LOW,
    );
    await update({ id: roleId(role), expectedVersion: 1, concerns: '培训' });
    const before = await tableCounts(db.orm);
    const stale = await update({ id: roleId(role), expectedVersion: 1, influence: 'HIGH', concerns: null });
    expect(stale.errors?.[0]?.extensions).toEqual({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect(await tableCounts(db.orm)).toEqual(before);
    expect(await stored(role)).toMatchObject({ influence: 'LOW', concerns: '培训', version: 2 });
  });

  it.each([
    ['an unknown id', 'NOT_FOUND', 'input.id', { id: toGlobalId('DecisionRoleAssignment', UNKNOWN) }],
    ['a key person id', 'BAD_USER_INPUT', 'input.id', { id: toGlobalId('KeyPerson', UNKNOWN) }],
    ['a null influence', 'BAD_USER_INPUT', 'input.influence', { influence: null }],
    ['concerns of 2001 characters', 'BAD_USER_INPUT', 'input.concerns', { concerns: 'c'.repeat(2001) }],
  ])('refuses %s with %s on %s, changing nothing', async (_case, code, field, input) => {
    const role = await build.role(await build.keyPerson(customer), DecisionRole.INFLUENCER);
    const before = await tableCounts(db.orm);
    const result = await update({ id: roleId(role), expectedVersion: 1, influence: 'LOW', ...input });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await tableCounts(db.orm)).toEqual(before);
    expect(await stored(role)).toMatchObject({ influence: 'HIGH', version: 1 });
  });
});
