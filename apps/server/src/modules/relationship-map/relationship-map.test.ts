import { DecisionRole, InfluenceLevel, RelationshipState, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import { mapFixtures } from './map.fixtures.js';

const db = await testDatabase();
const build = builders(db.orm);
const fixtures = mapFixtures(db.orm);
let rep: Staff;

beforeAll(async () => {
  rep = await build.staff({ name: '张三' }, StaffRole.ADMIN);
});

const MAP = `query ($id: ID!) {
  customer(id: $id) {
    relationshipMap {
      customer { name }
      keyPersons { name }
      relationships { state keyPerson { name } staff { name } }
      roles { role influence keyPerson { name } }
      coverage { keyPersonCount positive neutral negative none uncoveredDecisionMakers { name } }
    }
  }
}`;

type Coverage = { uncoveredDecisionMakers: Array<{ name: string }> } & Record<string, unknown>;
type MapResult = { customer: { relationshipMap: { coverage: Coverage } & Record<string, unknown> } };

async function mapOf(customer: Customer) {
  const result = await db.execute<MapResult>(
    MAP,
    { id: toGlobalId('Customer', customer.id) },
    { viewer: rep },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.customer.relationshipMap;
}

const { POSITIVE, NEUTRAL, NEGATIVE } = RelationshipState;
const { DECISION_MAKER, ECONOMIC_BUYER, INFLUENCER, USER_BUYER } = DecisionRole;
const { HIGH, MEDIUM, LOW } = InfluenceLevel;

describe('relationship map coverage', () => {
  it('lists a decision maker with only neutral links, not a HIGH-influence person with a positive one', async () => {
    const customer = await build.customer({ name: '华东电力设计院' });
    const colleague = await build.staff({ name: '李四' });
    const maker = await build.keyPerson(customer, { name: '王总' });
    const influencer = await build.keyPerson(customer, { name: '李工' });
    await fixtures.role(maker, DECISION_MAKER, MEDIUM);
    await fixtures.relationship(maker, rep, NEUTRAL);
    await fixtures.relationship(maker, colleague, NEUTRAL);
    await fixtures.role(influencer, INFLUENCER, HIGH);
    await fixtures.relationship(influencer, rep, POSITIVE);

    expect(await mapOf(customer)).toEqual({
      customer: { name: '华东电力设计院' },
      keyPersons: [{ name: '李工' }, { name: '王总' }],
      relationships: [
        { state: 'POSITIVE', keyPerson: { name: '李工' }, staff: { name: '张三' } },
        { state: 'NEUTRAL', keyPerson: { name: '王总' }, staff: { name: '张三' } },
        { state: 'NEUTRAL', keyPerson: { name: '王总' }, staff: { name: '李四' } },
      ],
      roles: [
        { role: 'INFLUENCER', influence: 'HIGH', keyPerson: { name: '李工' } },
        { role: 'DECISION_MAKER', influence: 'MEDIUM', keyPerson: { name: '王总' } },
      ],
      coverage: {
        keyPersonCount: 2,
        positive: 1,
        neutral: 2,
        negative: 0,
        none: 0,
        uncoveredDecisionMakers: [{ name: '王总' }],
      },
    });
  });

  it('does not count a positive link held only by a departed colleague, nor list a departed key person', async () => {
    const customer = await build.customer();
    const departed = await build.staff({ active: false });
    const buyer = await build.keyPerson(customer, { name: '财务总监' });
    const former = await build.keyPerson(customer, { name: '前任总经理', active: false });
    const user = await build.keyPerson(customer, { name: '使用部门' });
    await fixtures.role(buyer, ECONOMIC_BUYER, LOW);
    await fixtures.relationship(buyer, departed, POSITIVE);
    await fixtures.relationship(buyer, rep, NEGATIVE);
    await fixtures.role(former, DECISION_MAKER, HIGH);
    await fixtures.relationship(former, rep, NEUTRAL);
    await fixtures.role(user, USER_BUYER, MEDIUM);

    expect((await mapOf(customer))?.coverage).toEqual({
      keyPersonCount: 2,
      positive: 0,
      neutral: 0,
      negative: 1,
      none: 0,
      uncoveredDecisionMakers: [{ name: '财务总监' }],
    });
  });

  it('gives an empty map for a customer without key persons', async () => {
    const customer = await build.customer({ name: '新客户' });
    expect(await mapOf(customer)).toEqual({
      customer: { name: '新客户' },
      keyPersons: [],
      relationships: [],
      roles: [],
      coverage: {
        keyPersonCount: 0,
        positive: 0,
        neutral: 0,
        negative: 0,
        none: 0,
        uncoveredDecisionMakers: [],
      },
    });
  });
});
