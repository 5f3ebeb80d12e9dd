import { RiskLevel } from '@dossier/domain';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { type Context, viewerOf } from '../../core/context.js';
import '../../core/graphql/analytics-enums.js';
import { abcRequest } from '../abc/abc.period.js';
import { AbcInput } from '../abc/abc.types.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { teamSummary } from './team.query.js';
import { TeamMemberRow } from './team.types.js';

@Resolver(() => TeamMemberRow)
export class TeamSummaryResolver {
  @Query(() => [TeamMemberRow], {
    description:
      'Per rep: the visible customers they own, their revenue in the period, coverage, stale dossiers and risk ' +
      'customers; every owner of a visible customer and every active SALES_REP has a row, customers without ' +
      'an owner share a last one (owner null); largest revenue first / 团队汇总',
  })
  teamSummary(
    @Arg('input', () => AbcInput, {
      nullable: true,
      description: "The revenue's period, as abcClassification takes it (shares are not used) / 期间",
    })
    input: AbcInput | null,
    @Arg('minRiskLevel', () => RiskLevel, {
      nullable: true,
      description: 'Lowest risk level counted in riskCustomers (default LOW: any signal) / 最低风险等级',
    })
    minRiskLevel: RiskLevel | null,
    @Ctx() ctx: Context,
  ) {
    const viewer = viewerOf(ctx);
    return teamSummary(
      ctx.em,
      viewer,
      abcRequest(input, ctx.clock),
      minRiskLevel ?? RiskLevel.LOW,
      ctx.clock,
    );
  }

  @FieldResolver(() => Staff, {
    nullable: true,
    description: 'The rep; null for the customers without an owner / 负责销售',
  })
  owner(@Root() row: TeamMemberRow, @Ctx() ctx: Context) {
    return row.ownerId ? ctx.loaders.get(staffById).load(row.ownerId) : null;
  }
}
