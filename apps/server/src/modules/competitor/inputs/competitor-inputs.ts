import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../../core/graphql/scalars.js';

@InputType({ description: 'A competitor added to the company-wide list / 新增竞争对手' })
export class CreateCompetitorInput {
  @Field({ description: 'Name, ≤120 characters, unique whatever its case / 名称' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Website / 网址' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes, ≤2000 characters / 备注' })
  notes?: string | null;
}

@InputType({
  description: 'Changes to a competitor of the list; omitted fields stay, null clears / 修改竞争对手',
})
export class UpdateCompetitorInput {
  @Field(() => String, { nullable: true, description: 'Name, ≤120 characters / 名称' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Website / 网址' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes, ≤2000 characters / 备注' })
  notes?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False retires it: no longer offered, kept where recorded / 是否启用',
  })
  active?: boolean | null;
}

/** What a rep records of a competitor at one customer; adding and changing accept the same fields. */
@InputType()
export class CompetitorPresenceFields {
  @Field(() => String, {
    nullable: true,
    description: 'Products or categories they supply, ≤2000 characters / 供应品类',
  })
  supplies?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      "Estimated share of the customer's spend, percent 0–100; all competitors' together at most 100 / 估计份额（%）",
  })
  sharePercent?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Supplying since / 合作起始日期' })
  since?: string | null;

  @Field(() => String, { nullable: true, description: 'Their strengths against us, ≤2000 characters / 优势' })
  strengths?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Their weaknesses against us, ≤2000 characters / 劣势',
  })
  weaknesses?: string | null;

  @Field(() => String, { nullable: true, description: 'Comparison notes, ≤5000 characters / 比较说明' })
  notes?: string | null;
}

@InputType({ description: 'A competitor found at a customer / 记录客户处的竞争对手' })
export class RecordCustomerCompetitorInput extends CompetitorPresenceFields {
  @Field(() => ID, { description: 'The customer / 客户' })
  customerId!: string;

  @Field(() => ID, { description: 'The competitor, from the company-wide list / 竞争对手' })
  competitorId!: string;
}

@InputType({
  description: 'Changes to a competitor at a customer; omitted fields stay, null clears / 修改竞争对手状况',
})
export class UpdateCustomerCompetitorInput extends CompetitorPresenceFields {}

@InputType({ description: 'The period whose revenue is at stake / 期间' })
export class ShareOfWalletInput {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day; default the day after `to` minus 12 months / 开始日期',
  })
  from?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day, included; default today / 结束日期',
  })
  to?: string | null;
}
