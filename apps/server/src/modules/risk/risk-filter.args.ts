import { RiskCode, RiskLevel } from '@dossier/domain';
import { ArgsType, Field, ID } from 'type-graphql';
import '../../core/graphql/analytics-enums.js';
import type { RiskFilter } from './risk.query.js';

/** The conditions riskCustomers and riskSummary share: the same customers, listed or counted. */
@ArgsType()
export class RiskFilterArgs {
  @Field(() => RiskLevel, {
    nullable: true,
    description: 'Lowest level listed (default LOW: every customer with a signal) / 最低风险等级',
  })
  minLevel?: RiskLevel | null;

  @Field(() => [RiskCode], {
    nullable: true,
    description: 'Customers with any of these signals; empty or omitted: any signal / 风险类型（任一）',
  })
  signals?: RiskCode[] | null;

  @Field(() => ID, { nullable: true, description: 'Customers of this responsible rep (Staff id) / 负责销售' })
  ownerId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Customers in any of these sales regions / 销售区域',
  })
  region?: string[] | null;
}

export const riskFilterOf = (args: RiskFilterArgs): RiskFilter => ({
  minLevel: args.minLevel ?? RiskLevel.LOW,
  signals: args.signals,
  ownerId: args.ownerId,
  region: args.region,
});
