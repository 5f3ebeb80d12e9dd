import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../core/graphql/scalars.js';

@ObjectType({ description: 'Revenue of one key of a composition analysis / 构成分析的一项' })
export class CompositionSlice {
  @Field({
    description:
      'The key: class letter, region, Product or Staff id, category, nature, or YYYY-MM; "" when the order has none / 键',
  })
  key!: string;

  @Field({ description: "The key as a person reads it, in the viewer's language / 名称" })
  label!: string;

  @Field(() => DecimalScalar, { description: 'Order-line amounts in the period, net of returns / 销售额' })
  revenue!: string;

  @Field(() => Float, { description: "Share of the period's total revenue, 0–1 / 占比" })
  share!: number;

  @Field(() => Int, { description: 'Distinct customers with orders in the slice / 客户数' })
  customers!: number;

  @Field(() => Int, { description: 'Distinct orders in the slice / 订单数' })
  orders!: number;
}
