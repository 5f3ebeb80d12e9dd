import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { Customer } from '../customer/customer.entity.js';
import { customerById } from '../customer/customer.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { surveysOfCustomer } from './feedback.loaders.js';
import { RecordSatisfactionSurveyInput, UpdateSatisfactionSurveyInput } from './inputs/feedback-inputs.js';
import { SatisfactionSurvey } from './satisfaction-survey.entity.js';
import * as service from './satisfaction-survey.service.js';

const ID_ARG = { description: 'Global id / 全局标识' };
const VERSION_ARG = { description: 'Version last read / 读取时的版本号' };

@Resolver(() => SatisfactionSurvey)
export class SatisfactionSurveyResolver {
  @FieldResolver(() => Customer, { description: 'Customer / 客户' })
  customer(@Root() survey: SatisfactionSurvey, @Ctx() ctx: Context) {
    return ctx.loaders.get(customerById).load(survey.customer.id);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who recorded it / 记录人' })
  recordedBy(@Root() survey: SatisfactionSurvey, @Ctx() ctx: Context) {
    return survey.recordedBy ? ctx.loaders.get(staffById).load(survey.recordedBy.id) : null;
  }

  @Mutation(() => SatisfactionSurvey, { description: 'Record a satisfaction survey / 录入满意度调查' })
  recordSatisfactionSurvey(
    @Arg('input', { description: 'The survey / 调查' }) input: RecordSatisfactionSurveyInput,
    @Ctx() ctx: Context,
  ) {
    return service.recordSatisfactionSurvey(ctx, input);
  }

  @Mutation(() => SatisfactionSurvey, { description: 'Correct a satisfaction survey / 修改满意度调查' })
  updateSatisfactionSurvey(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) version: number,
    @Arg('input', { description: 'The changes / 修改内容' }) input: UpdateSatisfactionSurveyInput,
    @Ctx() ctx: Context,
  ) {
    return service.updateSatisfactionSurvey(ctx, id, version, input);
  }

  @Mutation(() => Boolean, {
    description: 'Delete a survey entered by mistake; true when done / 删除满意度调查',
  })
  deleteSatisfactionSurvey(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) version: number,
    @Ctx() ctx: Context,
  ) {
    return service.deleteSatisfactionSurvey(ctx, id, version);
  }
}

@Resolver(() => Customer)
export class CustomerSurveysResolver {
  @FieldResolver(() => [SatisfactionSurvey], {
    description: 'Satisfaction surveys, oldest first: the trend / 满意度调查（按日期，旧在前）',
  })
  satisfactionSurveys(@Root() customer: Customer, @Ctx() ctx: Context) {
    return ctx.loaders.get(surveysOfCustomer).load(customer.id);
  }
}
