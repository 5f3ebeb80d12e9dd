import { DecisionRole, InfluenceLevel, RelationshipState, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import { mapFixtures } from './map.fixtures.js';

const db = await testDatabase();
const build = builders(db.orm);
const fixtures = mapFixtures(db.orm);
let rep: Staff;

beforeAll(async () => {
  rep = await build.staff({ name: '张三' }, StaffRole.SALES_REP);
});

const GAPS = `query ($id: ID!) {
  customer(id: $id) { relationshipMap { coverage {
    uncoveredDecisionMakers { name }
    gaps {
      keyPerson { name }
      suggestedContacts { staff { name } via { name } closeness relationship { state lastContactAt } }
    }
  } } }
}`;

type Gaps = { uncoveredDecisionMakers: unknown[]; gaps: unknown[] };

async function gapsOf(customer: Customer): Promise<Gaps | undefined> {
  const result = await db.execute<{ customer: { relationshipMap: { coverage: Gaps } } }>(
    GAPS,
    { id: toGlobalId('Customer', customer.id) },
    { viewer: rep },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.customer.relationshipMap.coverage;
}

const { POSITIVE, NEUTRAL, NEGATIVE } = RelationshipState;
const day = (d: number) => new Date(Date.UTC(2026, 2, d));
const person = (customer: Customer, name: string, department: string | null, manager?: KeyPerson) =>
  build.keyPerson(customer, { name, department, reportsTo: manager ? build.ref(KeyPerson, manager) : null });

describe('suggested contacts of a coverage gap', () => {
  it('lists staff who know the manager, then a direct report, then a department colleague', async () => {
    const customer = await build.customer({ name: '华东电力设计院' });
    const [lisi, wangwu, zhaoliu, sunqi, departed] = await Promise.all([
      build.staff({ name: '李四' }),
      build.staff({ name: '王五' }),
      build.staff({ name: '赵六' }),
      build.staff({ name: '孙七' }),
      build.staff({ name: '钱八', active: false }),
    ]);
    const ceo = await person(customer, '周总', '总经办');
    const director = await person(customer, '王总', '采购部', ceo);
    const manager = await person(customer, '李经理', '采购部', director);
    const clerk = await person(customer, '赵工', '采购部', manager);
    const finance = await person(customer, '钱会计', '财务部', ceo);
    await fixtures.role(director, DecisionRole.DECISION_MAKER, InfluenceLevel.MEDIUM);
    await fixtures.relationship(director, rep, NEUTRAL);
    await fixtures.relationship(ceo, rep, POSITIVE, day(3));
    await fixtures.relationship(ceo, sunqi, NEUTRAL, day(20));
    await fixtures.relationship(ceo, departed, POSITIVE, day(21));
    await fixtures.relationship(manager, zhaoliu, POSITIVE, day(10));
    await fixtures.relationship(manager, lisi, POSITIVE);
    await fixtures.relationship(clerk, wangwu, POSITIVE, day(12));
    await fixtures.relationship(clerk, sunqi, NEGATIVE, day(13));
    await fixtures.relationship(finance, lisi, POSITIVE, day(14));

    const contact = (staff: string, via: string, closeness: string, lastContactAt: Date | null) => ({
      staff: { name: staff },
      via: { name: via },
      closeness,
      relationship: { state: 'POSITIVE', lastContactAt: lastContactAt?.toISOString() ?? null },
    });
    expect(await gapsOf(customer)).toEqual({
      uncoveredDecisionMakers: [{ name: '王总' }],
      gaps: [
        {
          keyPerson: { name: '王总' },
          suggestedContacts: [
            contact('张三', '周总', 'MANAGER', day(3)),
            contact('赵六', '李经理', 'DIRECT_REPORT', day(10)),
            contact('李四', '李经理', 'DIRECT_REPORT', null),
            contact('王五', '赵工', 'COLLEAGUE', day(12)),
          ],
        },
      ],
    });
  });

  it('suggests nobody when no one close to the decision maker is on good terms with us', async () => {
    const customer = await build.customer();
    const cfo = await person(customer, '财务总监', '财务部');
    const engineer = await person(customer, '技术主管', '技术部');
    const covered = await person(customer, '总经理', null);
    await fixtures.role(cfo, DecisionRole.ECONOMIC_BUYER, InfluenceLevel.LOW);
    await fixtures.relationship(engineer, rep, POSITIVE, day(1));
    await fixtures.role(covered, DecisionRole.DECISION_MAKER, InfluenceLevel.HIGH);
    await fixtures.relationship(covered, rep, POSITIVE, day(1));

    expect(await gapsOf(customer)).toEqual({
      uncoveredDecisionMakers: [{ name: '财务总监' }],
      gaps: [{ keyPerson: { name: '财务总监' }, suggestedContacts: [] }],
    });
  });
});
