import {
  CustomerLifecycle,
  CustomerNature,
  CustomerOrderField,
  CustomerTier,
  customerOrderFieldLabels,
  SortDirection,
  sortDirectionLabels,
} from '@dossier/domain';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { AbcClass, RiskCode, RiskLevel } from '../../../core/graphql/analytics-enums.js';
import { describedBy } from '../../../core/graphql/enum-values.js';
import { DecimalScalar, LocalDateScalar } from '../../../core/graphql/scalars.js';
import { CustomerCharacteristicsFilter, CustomerCharacteristicsInput } from './characteristics-inputs.js';

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction / 排序方向',
  valuesConfig: describedBy(sortDirectionLabels),
});

/** Fields both create and update accept; create adds the required ones. */
@InputType()
class CustomerFields {
  @Field(() => CustomerTier, { nullable: true, description: 'Tier (default GENERAL) / 档次' })
  tier?: CustomerTier | null;

  @Field(() => CustomerLifecycle, { nullable: true, description: 'Lifecycle (default PROSPECT) / 交易过程' })
  lifecycle?: CustomerLifecycle | null;

  @Field(() => String, { nullable: true, description: 'Industry, ≤100 characters / 行业' })
  industry?: string | null;

  @Field(() => String, { nullable: true, description: 'Sales region, ≤100 characters / 销售区域' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'City, ≤100 characters / 城市' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Address, ≤300 characters / 地址' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone / 电话' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Website / 网址' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Legal representative / 法定代表人' })
  legalRepresentative?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Founding date, not in the future / 成立日期',
  })
  foundedOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'Head office, when this customer is a branch / 总部' })
  parentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Responsible sales rep / 负责销售' })
  ownerId?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Credit limit / 信用额度' })
  creditLimit?: string | null;

  @Field(() => CustomerCharacteristicsInput, {
    nullable: true,
    description: 'Characteristics; omitted fields stay, null clears all of them / 客户特征',
  })
  characteristics?: CustomerCharacteristicsInput | null;
}

@InputType({ description: 'A new customer / 新建客户' })
export class CreateCustomerInput extends CustomerFields {
  @Field(() => String, { nullable: true, description: 'Customer number; generated when omitted / 客户编号' })
  code?: string | null;

  @Field({ description: 'Name, ≤200 characters / 客户名称' })
  name!: string;

  @Field(() => CustomerNature, { description: 'Nature / 客户性质' })
  nature!: CustomerNature;
}

@InputType({ description: 'Changes to a customer; omitted fields stay, null clears / 修改客户' })
export class UpdateCustomerInput extends CustomerFields {
  @Field(() => String, { nullable: true, description: 'Name / 客户名称' })
  name?: string | null;

  @Field(() => CustomerNature, { nullable: true, description: 'Nature / 客户性质' })
  nature?: CustomerNature | null;
}

@InputType({
  description:
    'Customers with revenue in a period, counted as salesComposition counts it: order lines and returns by ' +
    'order date; every given condition holds for one line / 在期间内有订单的客户',
})
export class CustomerOrderedFilter {
  @Field(() => LocalDateScalar, { description: 'First order day / 下单日期起' })
  from!: string;

  @Field(() => LocalDateScalar, { description: 'Last order day, inclusive; not before from / 下单日期止' })
  to!: string;

  @Field(() => ID, { nullable: true, description: 'An order line of this product / 商品' })
  productId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An order line of a product of this category, whole value / 商品类别',
  })
  category?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "An order sold in this region (the customer's region when the order has none) / 销售区域",
  })
  region?: string | null;
}

@InputType({ description: 'Which customers to list; all conditions must hold / 客户筛选' })
export class CustomerFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Name, code or key person name, case-insensitive / 搜索',
  })
  search?: string | null;

  @Field(() => [CustomerNature], { nullable: true, description: 'Any of these natures / 客户性质' })
  nature?: CustomerNature[] | null;

  @Field(() => [CustomerTier], { nullable: true, description: 'Any of these tiers / 档次' })
  tier?: CustomerTier[] | null;

  @Field(() => [CustomerLifecycle], { nullable: true, description: 'Any of these lifecycles / 交易过程' })
  lifecycle?: CustomerLifecycle[] | null;

  @Field(() => ID, { nullable: true, description: 'Responsible rep / 负责销售' })
  ownerId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Customers where this competitor is present / 有此竞争对手的客户',
  })
  competitorId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Any of these regions / 销售区域' })
  region?: string[] | null;

  @Field(() => [AbcClass], {
    nullable: true,
    description: 'Any of these ABC classes (default period) / ABC 分类',
  })
  abcClass?: AbcClass[] | null;

  @Field(() => [RiskLevel], { nullable: true, description: 'Any of these risk levels / 风险等级' })
  riskLevel?: RiskLevel[] | null;

  @Field(() => [RiskCode], {
    nullable: true,
    description:
      "Customers with any of these risk signals in their current assessment (riskCustomers' signals) / 风险类型（任一）",
  })
  riskSignals?: RiskCode[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Any of these industries, whole value, case-insensitive ("it" finds "IT", not "ITS") / 行业',
  })
  industry?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Any of these cities, whole value, case-insensitive ("shanghai" finds "Shanghai") / 城市',
  })
  city?: string[] | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Created on or after this day (business time zone) / 建档日期起',
  })
  createdFrom?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Created on or before this day (business time zone); not before createdFrom / 建档日期止',
  })
  createdTo?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'Last reviewed on or after this day (business time zone); never-reviewed customers never match / 审阅日期起',
  })
  reviewedFrom?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'Last reviewed on or before this day (business time zone); not before reviewedFrom; never-reviewed ' +
      'customers never match / 审阅日期止',
  })
  reviewedTo?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "Customers due a credit investigation by this day: the latest credit report's validity ends before it " +
      '(valid until the day before or earlier), or the customer has no credit report at all / 资信报告在此日前到期或没有',
  })
  creditReportExpiringBefore?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: customers with a coverage gap (an active decision maker with no POSITIVE relationship to active ' +
      'staff, the rule of the relationship map and the UNCOVERED_DECISION_MAKER signal); false: without one, ' +
      'which includes customers with no decision maker known (coverageScore 0, 1 or 3) / 决策者覆盖缺口',
  })
  hasUncoveredDecisionMaker?: boolean | null;

  @Field(() => [Int], {
    nullable: true,
    description:
      'Any of these account coverage scores, 0–3 (see Customer.coverageScore): [0, 1, 2] lists the customers ' +
      'whose decision makers are not covered / 客户覆盖评分（0–3）之一',
  })
  coverageScore?: number[] | null;

  @Field(() => CustomerOrderedFilter, {
    nullable: true,
    description:
      'Customers behind a slice of salesComposition: with an order line or return in the period, of the ' +
      'product, category or region when given / 销售构成中的客户',
  })
  ordered?: CustomerOrderedFilter | null;

  @Field(() => CustomerCharacteristicsFilter, {
    nullable: true,
    description: 'Conditions on the characteristics / 客户特征',
  })
  characteristics?: CustomerCharacteristicsFilter | null;
}

registerEnumType(CustomerOrderField, {
  name: 'CustomerOrderField',
  description: 'Sort key / 排序字段',
  valuesConfig: describedBy(customerOrderFieldLabels),
});

@InputType({
  description:
    'Sort order; ties are broken by id. REVENUE, RISK_SCORE and ABC_RANK use the default-period snapshot; ' +
    'REVIEWED and ABC_RANK put customers without a value (never reviewed; created since the last ABC ' +
    'refresh) last in either direction / 排序',
})
export class CustomerOrder {
  @Field(() => CustomerOrderField, { description: 'Sort key / 排序字段' })
  field!: CustomerOrderField;

  @Field(() => SortDirection, { description: 'Direction / 方向' })
  direction!: SortDirection;
}
