import { CreditRating } from '@dossier/domain';
import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../../core/graphql/scalars.js';

@InputType({ description: 'A completed credit investigation / 录入资信调查报告' })
export class RecordCreditReportInput {
  @Field(() => ID, { description: 'Customer investigated / 被调查客户' })
  customerId!: string;

  @Field(() => LocalDateScalar, { description: 'Date of the report, not in the future / 报告日期' })
  reportedAt!: string;

  @Field(() => LocalDateScalar, {
    description: 'Valid until (inclusive), 3 to 12 months after reportedAt / 有效期至（3–12个月）',
  })
  validUntil!: string;

  @Field(() => CreditRating, { description: 'Rating / 信用等级' })
  rating!: CreditRating;

  @Field(() => DecimalScalar, { nullable: true, description: 'Recommended credit limit, ≥ 0 / 授信建议' })
  recommendedLimit?: string | null;

  @Field(() => String, { nullable: true, description: 'Overall assessment, ≤5000 characters / 综合评价' })
  summary?: string | null;
}
