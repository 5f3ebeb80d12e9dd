import { formatCents } from '@dossier/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { type Context, viewerOf } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import { AbcClass, AbcMovementWay } from '../../core/graphql/analytics-enums.js';
import { DecimalScalar } from '../../core/graphql/scalars.js';
import { toConnection } from '../../core/pagination/connection.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { Customer } from '../customer/customer.entity.js';
import { customerById } from '../customer/customer.loaders.js';
import { AbcComputation } from './abc.computation.js';
import { abcGradeOf } from './abc.loaders.js';
import { abcRequest } from './abc.period.js';
import {
  AbcClassificationView,
  AbcClassSummaryView,
  AbcCustomerConnection,
  AbcCustomerView,
  AbcGradeView,
  AbcInput,
  AbcMovementView,
  ParetoPointView,
} from './abc.types.js';
import { selectsField } from './selection.js';

export const DEFAULT_PARETO_POINTS = 100;
export const MAX_PARETO_POINTS = 1000;

@Resolver(() => AbcClassificationView)
export class AbcClassificationResolver {
  @Query(() => AbcClassificationView, {
    description: 'ABC classification for any period, computed now / 按任意期间计算 ABC 分类',
  })
  abcClassification(
    @Arg('input', () => AbcInput, { nullable: true, description: 'Period and thresholds / 条件' })
    input: AbcInput | null,
    @Ctx() ctx: Context,
  ): AbcClassificationView {
    const request = abcRequest(input, ctx.clock);
    const { from, to, aShare, bShare } = request;
    return {
      from,
      to,
      aShare,
      bShare,
      computation: new AbcComputation(ctx.em, request, ctx.clock.now(), viewerOf(ctx)),
    };
  }

  @FieldResolver(() => DecimalScalar, {
    description:
      "Total revenue of the period; for a sales rep or manager, of their book's customers only / 期间总销售额（销售只计其权限内客户）",
  })
  async totalRevenue(@Root() root: AbcClassificationView): Promise<string> {
    return formatCents(await root.computation.totalCents());
  }

  @FieldResolver(() => [AbcClassSummaryView], {
    description:
      "A, B and C in that order, company-wide classes; for a sales rep or manager, only their book's customers / 各类汇总（销售只计其权限内客户）",
  })
  classes(@Root() root: AbcClassificationView): Promise<AbcClassSummaryView[]> {
    return root.computation.classes();
  }

  @FieldResolver(() => AbcCustomerConnection, {
    description:
      "Customers by rank, company-wide ranks and classes; a sales rep or manager gets only their book's customers (full pages, cursors by company-wide rank) and totalCount counts those / 按排名列出客户（销售只见其权限内客户，排名为全公司排名）",
  })
  async customers(
    @Root() root: AbcClassificationView,
    @Args() pageArgs: PageArgs,
    @Arg('class', () => AbcClass, { nullable: true, description: 'Only this class / 只列此类' })
    cls: AbcClass | null,
    @Arg('movement', () => AbcMovementWay, {
      nullable: true,
      description:
        'Only the customers that moved this way since the period of equal length just before, still by ' +
        'rank; DOWN includes the lost ones (revenue then, none now) / 只列此方向变动的客户（含丢失的客户）',
    })
    movement: AbcMovementWay | null,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = pageOf(pageArgs);
    const afterRank = page.after ? page.after.value : 0;
    if (typeof afterRank !== 'number' || !Number.isSafeInteger(afterRank) || afterRank < 0) {
      throw badInput('after', 'is not a cursor this API issued');
    }
    const spec = { cls: cls ?? null, afterRank, take: page.limit + 1 };
    if (movement) {
      const found = await root.computation.movers({ ...spec, way: movement });
      const rows = found.rows as AbcCustomerView[];
      return toConnection(
        AbcCustomerConnection,
        rows,
        page,
        (row) => row.grade.rank,
        async () => found.total,
      );
    }
    const rows = await root.computation.page(spec, selectsField(info, 'previousClass'));
    return toConnection(
      AbcCustomerConnection,
      rows as AbcCustomerView[],
      page,
      (row) => row.grade.rank,
      async () => (await root.computation.classCounts())[cls ?? 'all'],
    );
  }

  @FieldResolver(() => [ParetoPointView], {
    description:
      "Pareto curve, evenly thinned; for a sales rep or manager, of their book's customers / 帕累托曲线（销售为其权限内客户）",
  })
  pareto(
    @Root() root: AbcClassificationView,
    @Arg('points', () => Int, {
      nullable: true,
      description: `Points at most, 2–${MAX_PARETO_POINTS} (default ${DEFAULT_PARETO_POINTS}) / 点数上限`,
    })
    points: number | null,
  ): Promise<ParetoPointView[]> {
    const wanted = points ?? DEFAULT_PARETO_POINTS;
    if (wanted < 2 || wanted > MAX_PARETO_POINTS) {
      throw badInput('points', `must be between 2 and ${MAX_PARETO_POINTS}`);
    }
    return root.computation.pareto(wanted);
  }

  @FieldResolver(() => [AbcMovementView], {
    description:
      "Customers per (previous class, class), previous = the period just before, company-wide classes; for a sales rep or manager, their book's customers only / 类别变动",
  })
  movements(@Root() root: AbcClassificationView): Promise<AbcMovementView[]> {
    return root.computation.movements();
  }
}

@Resolver(() => AbcCustomerView)
export class AbcCustomerResolver {
  @FieldResolver(() => Customer, { description: 'The customer / 客户' })
  async customer(@Root() row: AbcCustomerView, @Ctx() ctx: Context): Promise<Customer> {
    const customer = await ctx.loaders.get(customerById).load(row.id);
    if (!customer) throw new Error(`customer ${row.id} of a classification is not visible`);
    return customer;
  }
}

@Resolver(() => Customer)
export class CustomerAbcResolver {
  @FieldResolver(() => AbcGradeView, {
    description: 'Grade in the default period (the 12 months up to the last refresh) / ABC 分类',
  })
  abc(@Root() customer: Customer, @Ctx() ctx: Context): Promise<AbcGradeView> {
    return ctx.loaders.get(abcGradeOf).load(customer.id);
  }
}
