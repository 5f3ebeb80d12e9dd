import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { ApiToken } from './api-token.entity.js';
import { apiTokensOf, createApiToken, revokeApiToken } from './api-token.service.js';

@ObjectType({ description: 'A new API token with its secret, shown this once / 新建的 API 令牌' })
class ApiTokenCreated {
  @Field({
    description:
      'The secret for `Authorization: Bearer …`; it is not stored and cannot be shown again / 令牌（仅显示一次）',
  })
  token!: string;

  @Field(() => ApiToken, { description: 'The token as listed from now on / 令牌信息' })
  apiToken!: ApiToken;
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken], {
    description:
      "The viewer's personal API tokens, newest first, revoked and expired included / 我的 API 令牌",
  })
  apiTokens(@Ctx() ctx: Context): Promise<ApiToken[]> {
    return apiTokensOf(ctx);
  }

  @Mutation(() => ApiTokenCreated, {
    description: 'Create a read-only personal API token (analysts and admins) / 创建只读 API 令牌',
  })
  createApiToken(
    @Arg('name', { description: 'What it is for / 名称' }) name: string,
    @Arg('expiresAt', () => Date, { description: 'When it stops working, within a year / 到期时间' })
    expiresAt: Date,
    @Ctx() ctx: Context,
  ) {
    return createApiToken(ctx, name, expiresAt);
  }

  @Mutation(() => ApiToken, { description: 'Revoke an API token at once / 吊销 API 令牌' })
  revokeApiToken(
    @Arg('id', () => ID, { description: 'The token / 令牌' }) id: string,
    @Arg('expectedVersion', () => Int, {
      description: 'The version you read; a stale one is refused with VERSION_CONFLICT / 读取时的版本号',
    })
    expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<ApiToken> {
    return revokeApiToken(ctx, id, expectedVersion);
  }
}
