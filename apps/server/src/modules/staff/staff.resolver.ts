import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { Staff } from './staff.entity.js';
import { staffById } from './staff.loaders.js';

@Resolver(() => Staff)
export class StaffResolver {
  @Query(() => Staff, { nullable: true, description: 'The signed-in staff member / 当前登录员工' })
  me(@Ctx() { viewer }: Context): Staff | null {
    return viewer;
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Line manager / 直属上级' })
  manager(@Root() staff: Staff, @Ctx() ctx: Context) {
    return staff.manager ? ctx.loaders.get(staffById).load(staff.manager.id) : null;
  }
}
