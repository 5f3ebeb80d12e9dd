import { InboxItemState, ReminderKind } from '@dossier/domain';
import { Arg, Args, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { type Context, viewerOf } from '../../core/context.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { connectionType, toConnection } from '../../core/pagination/connection.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { inboxPage, openCounts } from './inbox.query.js';
import * as service from './inbox.service.js';
import { InboxItem } from './inbox-item.entity.js';

export const InboxItemConnection = connectionType(InboxItem, 'InboxItem');

@ObjectType({ description: 'Open items of one kind / 某类待办数' })
class InboxKindCount {
  @Field(() => ReminderKind, { description: 'Kind / 提醒类型' })
  kind!: ReminderKind;

  @Field(() => Int, { description: 'Open items / 未办数' })
  count!: number;
}

@ObjectType({ description: 'My open items, for the header / 我的未办待办数' })
class InboxCounts {
  @Field(() => Int, { description: 'Open items in all / 未办总数' })
  open!: number;

  @Field(() => [InboxKindCount], { description: 'Per kind, kinds with none left out / 分类数' })
  byKind!: InboxKindCount[];
}

const ID_ARG = { description: 'Global id / 全局标识' };
const VERSION_ARG = { description: 'Version last read / 读取时的版本号' };

@Resolver(() => InboxItem)
export class InboxResolver {
  @Query(() => InboxItemConnection, { description: 'My inbox, newest first / 我的待办' })
  async inbox(
    @Args() paging: PageArgs,
    @Arg('state', () => InboxItemState, { nullable: true, description: 'Only this state / 状态' })
    state: InboxItemState | null,
    @Arg('kind', () => ReminderKind, { nullable: true, description: 'Only this kind / 类型' })
    kind: ReminderKind | null,
    @Ctx() ctx: Context,
  ) {
    const page = pageOf(paging);
    const { rows, sortValue, count } = await inboxPage(ctx.em, viewerOf(ctx), { state, kind }, page);
    return toConnection(InboxItemConnection, rows, page, sortValue, count);
  }

  @Query(() => InboxCounts, { description: 'My open items, in all and per kind / 我的未办数' })
  async inboxCounts(@Ctx() ctx: Context): Promise<InboxCounts> {
    const byKind = await openCounts(ctx.em, viewerOf(ctx));
    return { open: byKind.reduce((sum, k) => sum + k.count, 0), byKind };
  }

  @Mutation(() => InboxItem, { description: 'Mark an item done / 标记为已办' })
  markInboxItemDone(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) version: number,
    @Ctx() ctx: Context,
  ) {
    return service.markDone(ctx, id, version);
  }

  @Mutation(() => InboxItem, { description: 'Put an item away until a day / 推迟提醒' })
  snoozeInboxItem(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) version: number,
    @Arg('until', () => LocalDateScalar, { description: 'A day after today / 推迟至（今天之后）' })
    until: string,
    @Ctx() ctx: Context,
  ) {
    return service.snooze(ctx, id, version, until);
  }

  @Mutation(() => InboxItem, { description: 'Open a done or snoozed item again / 重新打开' })
  reopenInboxItem(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) version: number,
    @Ctx() ctx: Context,
  ) {
    return service.reopen(ctx, id, version);
  }
}
