import { RiskCode, RiskLevel } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { readReplica } from '../../core/database/replicas.js';
import type { Staff } from '../staff/staff.entity.js';
import { type RiskFilter, riskCustomersQuery } from './risk.query.js';

export enum RiskGroup {
  SIGNAL = 'SIGNAL',
  LEVEL = 'LEVEL',
  OWNER = 'OWNER',
  REGION = 'REGION',
}

registerEnumType(RiskGroup, {
  name: 'RiskGroup',
  description: 'What risk customers are counted by / 风险汇总维度',
  valuesConfig: {
    SIGNAL: { description: 'Per signal; a customer counts once under each of its signals / 按风险类型' },
    LEVEL: { description: "Per the customer's level (its highest signal) / 按风险等级" },
    OWNER: { description: 'Per responsible rep; customers without one under a null owner / 按负责销售' },
    REGION: { description: 'Per sales region; customers without one under a null region / 按销售区域' },
  },
});

@ObjectType({ description: 'Risk customers of one group / 风险客户汇总的一行' })
export class RiskSummaryRow {
  @Field(() => Int, { description: 'Customers in the group / 客户数' })
  customers!: number;

  @Field(() => RiskCode, { nullable: true, description: 'The signal, when grouped by SIGNAL / 风险类型' })
  signal!: RiskCode | null;

  @Field(() => RiskLevel, { nullable: true, description: 'The level, when grouped by LEVEL / 风险等级' })
  level!: RiskLevel | null;

  /** The owner's id, when grouped by OWNER; the resolver reads the Staff through its loader. */
  ownerId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The region, when grouped by REGION; null for customers without one / 销售区域',
  })
  region!: string | null;
}

const KEYS: Record<RiskGroup, string> = {
  [RiskGroup.SIGNAL]: "s.signal->>'code'",
  [RiskGroup.LEVEL]: 'r.level',
  [RiskGroup.OWNER]: 'c.owner_id',
  [RiskGroup.REGION]: 'c.region',
};

// Signals and levels in their enums' order (the order of the rules, the highest level first); owners and
// regions largest group first, ties by key, the group without one after its equals.
const ENUM_ORDER: Partial<Record<RiskGroup, readonly string[]>> = {
  [RiskGroup.SIGNAL]: Object.values(RiskCode),
  [RiskGroup.LEVEL]: Object.values(RiskLevel),
};

/** Counts of the customers riskCustomers lists with `filter`, per group, in one statement. */
export async function riskSummary(
  em: EntityManager,
  viewer: Staff,
  filter: RiskFilter,
  groupBy: RiskGroup,
): Promise<RiskSummaryRow[]> {
  const key = KEYS[groupBy];
  const query = riskCustomersQuery(em, viewer, filter)
    .select(em.getKnex().raw(`${key} as key, count(*)::int as customers`))
    .groupByRaw(key);
  if (groupBy === RiskGroup.SIGNAL) query.joinRaw('cross join jsonb_array_elements(r.signals) as s(signal)');
  const order = ENUM_ORDER[groupBy];
  if (order) query.orderByRaw(`array_position(?::text[], ${key}::text)`, [`{${order.join(',')}}`]);
  else query.orderByRaw(`count(*) desc, ${key} nulls last`);
  const rows = await readReplica(em).execute<Array<{ key: string | null; customers: number }>>(query);
  return rows.map(({ key, customers }) =>
    Object.assign(new RiskSummaryRow(), {
      customers,
      signal: groupBy === RiskGroup.SIGNAL ? (key as RiskCode) : null,
      level: groupBy === RiskGroup.LEVEL ? (key as RiskLevel) : null,
      ownerId: groupBy === RiskGroup.OWNER ? key : null,
      region: groupBy === RiskGroup.REGION ? key : null,
    }),
  );
}
