import { WeeklyCheckVerdict } from '@dossier/domain';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { readsWeeklyChecks, requireWeeklyCheckReader } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { Customer } from '../customer/customer.entity.js';
import { customerById } from '../customer/customer.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { WeeklyCheck } from './weekly-check.entity.js';
import { weeklyChecksOfCustomer } from './weekly-check.loaders.js';
import { openReturns } from './weekly-check.query.js';
import { giveVerdict } from './weekly-check.service.js';

/** Which dossier and week a verdict is about, and the verdict it replaces. */
@ArgsType()
class VerdictTargetArgs {
  @Field(() => ID, { description: 'The dossier / 档案' })
  customerId!: string;

  @Field(() => LocalDateScalar, { description: 'Monday of the week / 检查周（周一）' })
  weekStart!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version of the verdict you saw; omit when the dossier had none that week / 读取时的版本号',
  })
  version?: number | null;
}

@Resolver(() => WeeklyCheck)
export class WeeklyCheckResolver {
  @FieldResolver(() => Customer, { nullable: true, description: 'The dossier checked / 被检查的档案' })
  customer(@Root() check: WeeklyCheck, @Ctx() ctx: Context) {
    return ctx.loaders.get(customerById).load(check.customer.id);
  }

  @FieldResolver(() => Staff, { description: 'Who gave the verdict / 检查人' })
  manager(@Root() check: WeeklyCheck, @Ctx() ctx: Context) {
    return ctx.loaders.get(staffById).load(check.manager.id);
  }

  @Query(() => [WeeklyCheck], {
    description:
      'Dossiers sent back in the weekly check and not checked since, of the customers you read, oldest ' +
      'week first / 被退回待修改的档案',
  })
  returnedDossiers(@Ctx() ctx: Context) {
    return openReturns(ctx.em, requireWeeklyCheckReader(ctx));
  }

  @Mutation(() => WeeklyCheck, {
    description: 'Mark a dossier checked for a week, with a comment / 检查通过并签署评语',
  })
  checkDossier(
    @Args() target: VerdictTargetArgs,
    @Arg('comment', () => String, { nullable: true, description: 'Comment (签署评语) / 评语' }) comment:
      | string
      | null,
    @Ctx() ctx: Context,
  ) {
    return giveVerdict(ctx, { ...target, verdict: WeeklyCheckVerdict.CHECKED, comment });
  }

  @Mutation(() => WeeklyCheck, {
    description: 'Send a dossier back to the rep with a request / 退回并提出要求',
  })
  returnDossier(
    @Args() target: VerdictTargetArgs,
    @Arg('request', () => String, { description: 'What the rep is to do / 修改要求' }) request: string,
    @Ctx() ctx: Context,
  ) {
    return giveVerdict(ctx, { ...target, verdict: WeeklyCheckVerdict.RETURNED, comment: request });
  }
}

@Resolver(() => Customer)
export class CustomerWeeklyChecksResolver {
  @FieldResolver(() => [WeeklyCheck], {
    description:
      "The managers' weekly-check verdicts on this dossier, newest week first; empty for roles that read " +
      'none (analysts, archivists) / 每周检查评语',
  })
  weeklyChecks(@Root() customer: Customer, @Ctx() ctx: Context) {
    if (!readsWeeklyChecks(ctx.viewer)) return [];
    return ctx.loaders.get(weeklyChecksOfCustomer).load(customer.id);
  }
}
