import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { Staff } from './staff.entity.js';

@Resolver(() => Staff)
export class StaffResolver {
  @Query(() => Staff, {
    nullable: true,
    description: 'The signed-in staff member, null when signed out / 当前登录员工',
  })
  me(@Ctx() { viewer }: Context): Staff | null {
    return viewer;
  }
}
