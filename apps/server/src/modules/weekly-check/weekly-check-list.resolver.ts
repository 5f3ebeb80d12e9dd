import { isWeekStart, previousWeekStart, WeeklyCheckVerdict, weekEndOf } from '@dossier/domain';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { requireWeeklyChecker } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { Customer } from '../customer/customer.entity.js';
import { customerById } from '../customer/customer.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { WeeklyCheck } from './weekly-check.entity.js';
import { weeklyCheckById } from './weekly-check.loaders.js';
import { weekChanges } from './weekly-check.query.js';
import { rowOf, WeeklyCheckList, WeeklyCheckRow } from './weekly-check.types.js';

@Resolver(() => WeeklyCheckList)
export class WeeklyCheckListResolver {
  @Query(() => WeeklyCheckList, {
    description:
      "A sales manager's weekly check: the dossiers their reps created or changed in a business week " +
      '(Monday–Sunday), each with its verdict; an admin sees every team’s / 每周档案检查清单',
  })
  async weeklyCheck(
    @Arg('weekStart', () => LocalDateScalar, {
      nullable: true,
      description: 'Monday of the week (default: the previous week) / 检查周（周一，默认上周）',
    })
    weekStart: string | null,
    @Ctx() ctx: Context,
  ): Promise<WeeklyCheckList> {
    const checker = requireWeeklyChecker(ctx);
    const week = weekStart ?? previousWeekStart(ctx.clock.today());
    if (!isWeekStart(week)) throw badInput('weekStart', 'must be a Monday');
    const rows = (await weekChanges(ctx.em, checker, week, ctx.clock.timeZone)).map(rowOf);
    const count = (verdict: WeeklyCheckVerdict | null) =>
      rows.filter((row) => row.source.verdict === verdict).length;
    return Object.assign(new WeeklyCheckList(), {
      weekStart: week,
      weekEnd: weekEndOf(week),
      rows,
      total: rows.length,
      unchecked: count(null),
      checked: count(WeeklyCheckVerdict.CHECKED),
      returned: count(WeeklyCheckVerdict.RETURNED),
    });
  }
}

@Resolver(() => WeeklyCheckRow)
export class WeeklyCheckRowResolver {
  @FieldResolver(() => Customer, { description: 'The dossier / 档案' })
  customer(@Root() row: WeeklyCheckRow, @Ctx() ctx: Context) {
    return ctx.loaders.get(customerById).load(row.source.customerId);
  }

  @FieldResolver(() => [Staff], { description: 'The reps who made the changes / 修改人' })
  async changedBy(@Root() row: WeeklyCheckRow, @Ctx() ctx: Context) {
    const staff = await ctx.loaders.get(staffById).loadMany(row.source.actorIds);
    return staff.filter((member): member is Staff => member instanceof Staff);
  }

  @FieldResolver(() => WeeklyCheck, {
    nullable: true,
    description: "The week's verdict; null: unchecked / 检查结果",
  })
  check(@Root() row: WeeklyCheckRow, @Ctx() ctx: Context) {
    return row.source.checkId ? ctx.loaders.get(weeklyCheckById).load(row.source.checkId) : null;
  }
}
