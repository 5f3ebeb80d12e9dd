import { FeedbackCategory, FeedbackChannel, FeedbackKind, FeedbackSeverity } from '@dossier/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../../core/graphql/scalars.js';

@InputType({ description: 'A complaint or opinion received / 录入客户意见反馈' })
export class RecordFeedbackInput {
  @Field(() => ID, { description: 'Customer / 客户' })
  customerId!: string;

  @Field(() => FeedbackKind, { description: 'Complaint or opinion / 类型' })
  kind!: FeedbackKind;

  @Field(() => FeedbackChannel, { description: 'Channel / 渠道' })
  channel!: FeedbackChannel;

  @Field(() => FeedbackCategory, { description: 'Category / 类别' })
  category!: FeedbackCategory;

  @Field(() => FeedbackSeverity, { description: 'Severity / 严重程度' })
  severity!: FeedbackSeverity;

  @Field({ description: 'When it was received (UTC), not in the future / 收到时间' })
  receivedAt!: Date;

  @Field({ description: 'What the customer said, ≤5000 characters / 反馈内容' })
  description!: string;

  @Field(() => ID, { nullable: true, description: 'Key person of this customer who raised it / 提出人' })
  keyPersonId?: string | null;
}

@InputType({ description: 'How the feedback is being handled / 处理方案与结果' })
export class UpdateFeedbackHandlingInput {
  @Field(() => String, {
    nullable: true,
    description: 'Handling plan, ≤5000 characters; null clears / 处理方案',
  })
  handlingPlan?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Result so far, ≤5000 characters; null clears (not on a closed one) / 处理结果',
  })
  result?: string | null;
}

@InputType({ description: 'A satisfaction survey: each aspect scored 1–5 / 录入满意度调查' })
export class RecordSatisfactionSurveyInput {
  @Field(() => ID, { description: 'Customer / 客户' })
  customerId!: string;

  @Field(() => LocalDateScalar, {
    description: 'Day of the survey, not in the future; one per day / 调查日期',
  })
  surveyedOn!: string;

  @Field(() => Int, { description: 'Product, 1–5 / 产品' })
  productScore!: number;

  @Field(() => Int, { description: 'Delivery, 1–5 / 交货' })
  deliveryScore!: number;

  @Field(() => Int, { description: 'Service, 1–5 / 服务' })
  serviceScore!: number;

  @Field(() => Int, { description: 'Price, 1–5 / 价格' })
  priceScore!: number;

  @Field(() => String, { nullable: true, description: 'Comment, ≤2000 characters / 意见' })
  comment?: string | null;
}

@InputType({ description: 'A correction of a survey; absent fields stay / 修改满意度调查' })
export class UpdateSatisfactionSurveyInput {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Day of the survey / 调查日期' })
  surveyedOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Product, 1–5 / 产品' })
  productScore?: number | null;

  @Field(() => Int, { nullable: true, description: 'Delivery, 1–5 / 交货' })
  deliveryScore?: number | null;

  @Field(() => Int, { nullable: true, description: 'Service, 1–5 / 服务' })
  serviceScore?: number | null;

  @Field(() => Int, { nullable: true, description: 'Price, 1–5 / 价格' })
  priceScore?: number | null;

  @Field(() => String, { nullable: true, description: 'Comment; null clears / 意见' })
  comment?: string | null;
}
