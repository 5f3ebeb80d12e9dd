import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { AbcClass } from '../../core/graphql/analytics-enums.js';
import { DecimalScalar, LocalDateScalar } from '../../core/graphql/scalars.js';
import { connectionType } from '../../core/pagination/connection.js';
import type { AbcComputation } from './abc.computation.js';

@InputType({ description: 'Period and thresholds of an ABC classification / ABC 分类条件' })
export class AbcInput {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day; default the day after `to` minus 12 months (12 months in all) / 开始日期',
  })
  from?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day, included; default today (UTC) / 结束日期',
  })
  to?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of revenue the A customers make, above 0; default 0.8 / A 类占比',
  })
  aShare?: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share the B customers make after the A ones, at least 0, aShare + bShare ≤ 1; default 0.15 / B 类占比',
  })
  bShare?: number | null;
}

@ObjectType('AbcGrade', { description: "A customer's ABC class in a period / 客户 ABC 分类" })
export class AbcGradeView {
  @Field(() => AbcClass, { description: 'Class / 类别' })
  class!: AbcClass;

  @Field(() => DecimalScalar, { description: 'Revenue in the period, net of returns / 期间销售额' })
  revenue!: string;

  @Field(() => Float, {
    description:
      "Of the total revenue the viewer sees: the company's for a reader of every customer; in a sales rep's or manager's classification, their book's (rank and class stay company-wide) / 占所见总销售额比例",
  })
  share!: number;

  @Field(() => Float, {
    description:
      'Of the same total, this customer and all those the viewer sees ranked above it / 所见范围内的累计占比',
  })
  cumulativeShare!: number;

  @Field(() => Int, { description: 'Rank by revenue, ties by customer code; 1 = largest / 排名' })
  rank!: number;

  @Field(() => AbcClass, {
    nullable: true,
    description:
      'Class in the period of equal length just before; null if the customer did not exist then / 上期类别',
  })
  previousClass!: AbcClass | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the grade was computed; null before the first classification / 计算时间',
  })
  asOf!: Date | null;
}

@ObjectType('AbcClassSummary', { description: 'Customers and revenue of one class / 各类汇总' })
export class AbcClassSummaryView {
  @Field(() => AbcClass, { description: 'Class / 类别' })
  class!: AbcClass;

  @Field(() => Int, { description: 'Customers in the class / 客户数' })
  customers!: number;

  @Field(() => DecimalScalar, { description: 'Their revenue, net of returns / 销售额' })
  revenue!: string;

  @Field(() => Float, {
    description:
      "Of totalRevenue, the revenue of the customers the viewer sees (for a sales rep or manager, their book's: the shares add up to 1 over the book, the A threshold applies company-wide) / 占所见总销售额比例",
  })
  share!: number;
}

@ObjectType('ParetoPoint', { description: 'A point of the Pareto curve / 帕累托曲线上的点' })
export class ParetoPointView {
  @Field(() => Float, { description: 'Fraction of customers, ranked by revenue / 客户累计比例' })
  customerShare!: number;

  @Field(() => Float, { description: 'Cumulative fraction of revenue / 销售额累计比例' })
  revenueShare!: number;
}

@ObjectType('AbcMovement', { description: 'Customers that moved between two classes / 类别变动' })
export class AbcMovementView {
  @Field(() => AbcClass, { nullable: true, description: 'Class before; null for new customers / 上期类别' })
  from!: AbcClass | null;

  @Field(() => AbcClass, { description: 'Class now / 本期类别' })
  to!: AbcClass;

  @Field(() => Int, { description: 'How many customers / 客户数' })
  customers!: number;
}

@ObjectType('AbcCustomer', { description: 'A customer with its grade in a classification / 客户及其分类' })
export class AbcCustomerView {
  /** The customer's uuid, for the cursor and the customer field. */
  id!: string;

  @Field(() => AbcGradeView, { description: 'Grade in this classification / 分类结果' })
  grade!: AbcGradeView;
}

export const AbcCustomerConnection = connectionType(AbcCustomerView, 'AbcCustomer');

@ObjectType('AbcClassification', {
  description: 'ABC classification of the customers in a period / ABC 分类',
})
export class AbcClassificationView {
  @Field(() => LocalDateScalar, { description: 'First day / 开始日期' })
  from!: string;

  @Field(() => LocalDateScalar, { description: 'Last day, included / 结束日期' })
  to!: string;

  @Field(() => Float, { description: 'Share of revenue of the A customers / A 类占比' })
  aShare!: number;

  @Field(() => Float, { description: 'Share of revenue of the B customers / B 类占比' })
  bShare!: number;

  /** Computes the parts the fields ask for, batched into one statement. */
  computation!: AbcComputation;
}
