import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { Staff } from '../staff/staff.entity.js';
import { login, logout } from './auth.service.js';

@ObjectType({ description: 'A new session / 登录结果' })
class AuthPayload {
  @Field({
    description: 'Bearer token for the Authorization header; browsers also get it as a cookie / 令牌',
  })
  token!: string;

  @Field(() => Staff, { description: 'Who signed in / 登录员工' })
  staff!: Staff;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: 'Sign in with e-mail and password / 登录' })
  login(
    @Arg('email', { description: 'Login e-mail / 邮箱' }) email: string,
    @Arg('password', { description: 'Password / 密码' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return login(ctx, email, password);
  }

  @Mutation(() => Boolean, { description: 'End the current session / 退出登录' })
  logout(@Ctx() ctx: Context): Promise<boolean> {
    return logout(ctx);
  }
}
