import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../core/graphql/scalars.js';
import { Competitor } from './competitor.entity.js';

@ObjectType({ description: "One competitor's share of our customers' wallets / 竞争对手的钱包份额" })
export class CompetitorWalletShare {
  competitorId!: string;

  @Field(() => Competitor, { description: 'The competitor / 竞争对手' })
  competitor?: Competitor;

  @Field(() => Int, { description: 'Customers where it is present (that you may see) / 出现的客户数' })
  customers!: number;

  @Field(() => Int, { description: 'Of those, customers with an estimated share / 有份额估计的客户数' })
  estimatedCustomers!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Average estimated share, percent, rounded to 2 decimals; null when none is estimated / 平均份额（%）',
  })
  averageSharePercent!: string | null;

  @Field(() => DecimalScalar, {
    description:
      "Spend at stake: Σ customer's revenue in the period × its estimated share ÷ 100, each rounded to the cent / 涉及金额",
  })
  revenueAtStake!: string;
}

@ObjectType({ description: 'Share of wallet by competitor over a period / 按竞争对手的钱包份额' })
export class ShareOfWalletView {
  @Field(() => LocalDateScalar, { description: 'First day / 开始日期' })
  from!: string;

  @Field(() => LocalDateScalar, { description: 'Last day, included / 结束日期' })
  to!: string;

  @Field(() => [CompetitorWalletShare], {
    description: 'Competitors present at your customers, most revenue at stake first / 各竞争对手',
  })
  competitors!: CompetitorWalletShare[];
}
