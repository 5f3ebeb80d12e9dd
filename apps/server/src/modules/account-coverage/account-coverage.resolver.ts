import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { type Context, viewerOf } from '../../core/context.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { coverageScoreOf } from './account-coverage.loaders.js';
import { coverageSummary } from './account-coverage.query.js';
import { COVERAGE_SCORE_DESCRIPTION, CoverageGroup, CoverageSummaryRow } from './account-coverage.types.js';

@Resolver(() => CoverageSummaryRow)
export class CoverageSummaryResolver {
  @Query(() => [CoverageSummaryRow], {
    description:
      'Coverage scores of the visible customers, counted per owner, region or ABC class; only groups with ' +
      'customers appear / 覆盖度汇总',
  })
  coverageSummary(
    @Arg('groupBy', () => CoverageGroup, { description: 'What to count by / 汇总维度' })
    groupBy: CoverageGroup,
    @Ctx() ctx: Context,
  ) {
    return coverageSummary(ctx.em, viewerOf(ctx), groupBy);
  }

  @FieldResolver(() => Staff, {
    nullable: true,
    description: 'The responsible rep, when grouped by OWNER; null for customers without one / 负责销售',
  })
  owner(@Root() row: CoverageSummaryRow, @Ctx() ctx: Context) {
    return row.ownerId ? ctx.loaders.get(staffById).load(row.ownerId) : null;
  }
}

@Resolver(() => Customer)
export class CustomerCoverageResolver {
  @FieldResolver(() => Int, { description: COVERAGE_SCORE_DESCRIPTION })
  coverageScore(@Root() customer: Customer, @Ctx() ctx: Context) {
    return ctx.loaders.get(coverageScoreOf).load(customer.id);
  }
}
