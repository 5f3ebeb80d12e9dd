import { SatisfactionGrouping, SurveyAspect } from '@dossier/domain';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { type Context, viewerOf } from '../../core/context.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { dateRange } from '../../core/validation.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { SatisfactionGroupRow, satisfactionSummary } from './satisfaction-summary.js';

@Resolver(() => SatisfactionGroupRow)
export class SatisfactionSummaryResolver {
  @Query(() => [SatisfactionGroupRow], {
    description:
      'Survey scores of the visible customers per rep or region: average and distribution, surveys dated ' +
      'from–to (inclusive, either open); most surveys first / 客户满意度汇总',
  })
  satisfactionSummary(
    @Arg('groupBy', () => SatisfactionGrouping, { description: 'Per rep or per region / 分组' })
    grouping: SatisfactionGrouping,
    @Arg('from', () => LocalDateScalar, { nullable: true, description: 'First day / 起始日期' }) from:
      | string
      | null,
    @Arg('to', () => LocalDateScalar, { nullable: true, description: 'Last day / 截止日期' }) to:
      | string
      | null,
    @Arg('aspect', () => SurveyAspect, { nullable: true, description: 'One aspect; default all / 调查项目' })
    aspect: SurveyAspect | null,
    @Ctx() ctx: Context,
  ) {
    const range = dateRange('from', 'to', from, to);
    return satisfactionSummary(ctx.em, viewerOf(ctx), { grouping, ...range, aspect });
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'The rep, grouped by owner / 负责销售' })
  owner(@Root() row: SatisfactionGroupRow, @Ctx() ctx: Context) {
    return row.ownerId ? ctx.loaders.get(staffById).load(row.ownerId) : null;
  }
}
