import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { type Context, viewerOf } from '../../core/context.js';
import { toConnection } from '../../core/pagination/connection.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { Customer } from '../customer/customer.entity.js';
import { CustomerConnection } from '../customer/customer.resolver.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { riskOfCustomer } from './risk.loaders.js';
import { riskCustomerPage } from './risk.query.js';
import { RiskAssessmentView, riskView } from './risk.types.js';
import { RiskFilterArgs, riskFilterOf } from './risk-filter.args.js';
import { RiskGroup, RiskSummaryRow, riskSummary } from './risk-summary.js';

@Resolver()
export class RiskCustomersResolver {
  @Query(() => CustomerConnection, {
    description: 'Risk customers, riskiest first (score, then customer) / 风险客户',
  })
  async riskCustomers(@Args() pageArgs: PageArgs, @Args() filterArgs: RiskFilterArgs, @Ctx() ctx: Context) {
    const page = pageOf(pageArgs);
    const { rows, count } = await riskCustomerPage(ctx.em, viewerOf(ctx), riskFilterOf(filterArgs), page);
    // The page already read each customer's assessment: Customer.risk takes it from the loader's cache.
    const risks = ctx.loaders.get(riskOfCustomer);
    for (const { risk } of rows) risks.prime(risk.customer_id, risk);
    const scores = new Map(rows.map(({ risk }) => [risk.customer_id, risk.score]));
    return toConnection(
      CustomerConnection,
      rows.map((row) => row.customer),
      page,
      (customer) => scores.get(customer.id) ?? 0,
      count,
    );
  }
}

@Resolver(() => RiskSummaryRow)
export class RiskSummaryResolver {
  @Query(() => [RiskSummaryRow], {
    description:
      'The customers riskCustomers lists with the same arguments, counted per signal, level, owner or region; ' +
      'only groups with customers appear / 风险客户汇总',
  })
  riskSummary(
    @Arg('groupBy', () => RiskGroup, { description: 'What to count by / 汇总维度' }) groupBy: RiskGroup,
    @Args() filterArgs: RiskFilterArgs,
    @Ctx() ctx: Context,
  ) {
    return riskSummary(ctx.em, viewerOf(ctx), riskFilterOf(filterArgs), groupBy);
  }

  @FieldResolver(() => Staff, {
    nullable: true,
    description: 'The responsible rep, when grouped by OWNER; null for customers without one / 负责销售',
  })
  owner(@Root() row: RiskSummaryRow, @Ctx() ctx: Context) {
    return row.ownerId ? ctx.loaders.get(staffById).load(row.ownerId) : null;
  }
}

@Resolver(() => Customer)
export class CustomerRiskResolver {
  @FieldResolver(() => RiskAssessmentView, {
    description: "Risk signals with messages in the viewer's language / 风险评估",
  })
  async risk(@Root() customer: Customer, @Ctx() ctx: Context): Promise<RiskAssessmentView> {
    return riskView(await ctx.loaders.get(riskOfCustomer).load(customer.id), ctx.locale);
  }
}
