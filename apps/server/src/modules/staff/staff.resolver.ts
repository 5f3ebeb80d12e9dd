import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { mayActForStaff } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { connectionType, toConnection } from '../../core/pagination/connection.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { StaffFilter, StaffOrder } from './inputs/staff-inputs.js';
import { Staff } from './staff.entity.js';
import { customerCountOf, staffById } from './staff.loaders.js';
import { DEFAULT_STAFF_ORDER, staffPage } from './staff.query.js';

export const StaffConnection = connectionType(Staff, 'Staff');

@Resolver(() => Staff)
export class StaffResolver {
  @Query(() => Staff, { nullable: true, description: 'The signed-in staff member / 当前登录员工' })
  me(@Ctx() { viewer }: Context): Staff | null {
    return viewer;
  }

  @Query(() => StaffConnection, {
    description: 'Our staff, filtered and sorted, a page at a time, those who left included / 员工名录',
  })
  async staffMembers(
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => StaffFilter, { nullable: true, description: 'Conditions, all must hold / 筛选条件' })
    filter: StaffFilter | null,
    @Arg('orderBy', () => StaffOrder, { nullable: true, description: 'Sort order (default NAME ASC) / 排序' })
    orderBy: StaffOrder | null,
    @Ctx() ctx: Context,
  ) {
    const page = pageOf(pageArgs);
    const result = await staffPage(ctx.em, filter, orderBy ?? DEFAULT_STAFF_ORDER, page);
    return toConnection(StaffConnection, result.rows, page, result.sortValue, result.count);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Line manager / 直属上级' })
  manager(@Root() staff: Staff, @Ctx() ctx: Context) {
    return staff.manager ? ctx.loaders.get(staffById).load(staff.manager.id) : null;
  }

  @FieldResolver(() => Int, { description: 'Customers this staff member is responsible for / 负责的客户数' })
  customerCount(@Root() staff: Staff, @Ctx() ctx: Context) {
    return ctx.loaders.get(customerCountOf).load(staff.id);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether you may record this staff member's relationships and make them a customer's owner: yourself, " +
      'a manager also everyone below them, an admin anyone; never analysts or archivists, nor for someone who ' +
      'has left / 你是否可代其记录关系、分配客户',
  })
  async mayActFor(@Root() staff: Staff, @Ctx() ctx: Context): Promise<boolean> {
    return staff.active && (await ctx.loaders.get(mayActForStaff).load(staff.id));
  }
}
