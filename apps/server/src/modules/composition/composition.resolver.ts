import { CompositionDimension } from '@dossier/domain';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { type Context, viewerOf } from '../../core/context.js';
import '../../core/graphql/analytics-enums.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { compositionPeriod } from './composition.period.js';
import { composition } from './composition.query.js';
import { CompositionSlice } from './composition.types.js';

@Resolver()
export class CompositionResolver {
  @Query(() => [CompositionSlice], {
    description:
      'Revenue of a period broken down by one dimension, largest first (客户构成分析). ABC_CLASS uses each ' +
      "customer's class in the default period / 销售构成分析",
  })
  async salesComposition(
    @Arg('by', () => CompositionDimension, { description: 'What to break revenue down by / 维度' })
    by: CompositionDimension,
    @Arg('from', () => LocalDateScalar, {
      nullable: true,
      description: 'First day (default: that of the ABC default period) / 起始日期',
    })
    from: string | null,
    @Arg('to', () => LocalDateScalar, {
      nullable: true,
      description: 'Last day, inclusive (default: that of the ABC default period) / 截止日期',
    })
    to: string | null,
    @Ctx() ctx: Context,
  ): Promise<CompositionSlice[]> {
    const viewer = viewerOf(ctx);
    const period = await compositionPeriod(ctx.em, from, to, ctx.clock);
    return composition(ctx.em, viewer, by, period, ctx.locale);
  }
}
