import { FeedbackStatus } from '@dossier/domain';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { readOr } from '../../core/loaders.js';
import { connectionType } from '../../core/pagination/connection.js';
import { newestFirstConnection } from '../../core/pagination/newest-first.js';
import { PageArgs } from '../../core/pagination/page-args.js';
import { Customer } from '../customer/customer.entity.js';
import { customerById } from '../customer/customer.loaders.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { keyPersonById } from '../key-person/key-person.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { Feedback } from './feedback.entity.js';
import { feedbackOfCustomer } from './feedback.loaders.js';
import * as service from './feedback.service.js';
import { RecordFeedbackInput, UpdateFeedbackHandlingInput } from './inputs/feedback-inputs.js';

export const FeedbackConnection = connectionType(Feedback, 'Feedback');

const ID_ARG = { description: 'Global id / 全局标识' };
const VERSION_ARG = { description: 'Version last read / 读取时的版本号' };

@Resolver(() => Feedback)
export class FeedbackResolver {
  @FieldResolver(() => Customer, { description: 'Customer / 客户' })
  customer(@Root() feedback: Feedback, @Ctx() ctx: Context) {
    return ctx.loaders.get(customerById).load(feedback.customer.id);
  }

  @FieldResolver(() => KeyPerson, { nullable: true, description: 'Key person who raised it / 提出人' })
  keyPerson(@Root() feedback: Feedback, @Ctx() ctx: Context) {
    return feedback.keyPerson ? readOr(feedback.keyPerson, ctx.loaders.get(keyPersonById)) : null;
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who handles it / 处理人' })
  handler(@Root() feedback: Feedback, @Ctx() ctx: Context) {
    return feedback.handler ? ctx.loaders.get(staffById).load(feedback.handler.id) : null;
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who recorded it / 记录人' })
  recordedBy(@Root() feedback: Feedback, @Ctx() ctx: Context) {
    return feedback.recordedBy ? ctx.loaders.get(staffById).load(feedback.recordedBy.id) : null;
  }

  @Mutation(() => Feedback, { description: 'Record a complaint or opinion / 录入客户意见反馈' })
  recordFeedback(
    @Arg('input', { description: 'The feedback / 反馈' }) input: RecordFeedbackInput,
    @Ctx() ctx: Context,
  ) {
    return service.recordFeedback(ctx, input);
  }

  @Mutation(() => Feedback, { description: 'Name who handles a feedback / 指定处理人' })
  assignFeedbackHandler(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) version: number,
    @Arg('handlerId', () => ID, { description: 'An active staff member / 处理人（在职员工）' })
    handlerId: string,
    @Ctx() ctx: Context,
  ) {
    return service.assignFeedbackHandler(ctx, id, version, handlerId);
  }

  @Mutation(() => Feedback, { description: 'Write the handling plan and result / 填写处理方案与结果' })
  updateFeedbackHandling(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) version: number,
    @Arg('input', { description: 'The changes / 修改内容' }) input: UpdateFeedbackHandlingInput,
    @Ctx() ctx: Context,
  ) {
    return service.updateFeedbackHandling(ctx, id, version, input);
  }

  @Mutation(() => Feedback, {
    description: 'Close a feedback with its result; its customer answers with the risk refreshed / 结案',
  })
  closeFeedback(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) version: number,
    @Arg('result', { description: 'Handling result, ≤5000 characters / 处理结果' }) result: string,
    @Ctx() ctx: Context,
  ) {
    return service.closeFeedback(ctx, id, version, result);
  }

  @Mutation(() => Feedback, { description: 'Reopen a closed feedback / 重新打开' })
  reopenFeedback(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) version: number,
    @Ctx() ctx: Context,
  ) {
    return service.reopenFeedback(ctx, id, version);
  }
}

@Resolver(() => Customer)
export class CustomerFeedbackResolver {
  @FieldResolver(() => FeedbackConnection, {
    description: 'Complaints and opinions, newest received first, a page at a time / 客户意见反馈（新在前）',
  })
  feedback(
    @Root() customer: Customer,
    @Args() args: PageArgs,
    @Arg('status', () => FeedbackStatus, { nullable: true, description: 'Only these / 按状态筛选' })
    status: FeedbackStatus | null,
    @Ctx() ctx: Context,
  ) {
    const range = { from: null, to: null, kinds: status ? [status] : null };
    return newestFirstConnection(ctx, feedbackOfCustomer, FeedbackConnection, customer.id, args, range);
  }
}
