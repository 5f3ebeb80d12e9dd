import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../core/graphql/scalars.js';

@ObjectType({
  description:
    "One rep's book for a manager: customers, revenue, decision-maker coverage, stale dossiers and risk / 团队成员汇总",
})
export class TeamMemberRow {
  /** The owner's id; the resolver reads the Staff through its loader. Null for customers without an owner. */
  ownerId!: string | null;

  @Field(() => Int, { description: 'Customers the rep is responsible for / 负责客户数' })
  customers!: number;

  @Field(() => DecimalScalar, {
    description:
      "Revenue of those customers in the period, net of returns, as abcClassification counts it (a customer's " +
      'net negative revenue counts as 0) / 期间销售额',
  })
  revenue!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'Average account coverage score 0–3 (Customer.coverageScore); null without customers / 平均覆盖度',
  })
  averageCoverageScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Average dossier completeness 0–100 of the rep's customers (Customer.completeness.score); null without " +
      'customers / 平均档案完整度',
  })
  averageCompleteness!: number | null;

  @Field(() => Int, {
    description:
      'A and B customers (default-period class) whose decision makers are not covered: coverage score below 3 ' +
      '(no key person, no decision maker known, or one without a positive relationship) / 决策者未覆盖（覆盖度低于 3）的 A/B 客户数',
  })
  uncoveredAbCustomers!: number;

  @Field(() => Int, {
    description:
      'Customers whose assessment holds the STALE_DOSSIER signal (not reviewed in time) / 档案过期客户数',
  })
  staleDossiers!: number;

  @Field(() => Int, {
    description: 'Customers riskCustomers lists at minRiskLevel or above / 风险客户数',
  })
  riskCustomers!: number;
}
