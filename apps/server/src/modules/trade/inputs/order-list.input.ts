import { SortDirection } from '@dossier/domain';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../../../core/graphql/scalars.js';

/** Sort keys of the root order list; a schema enum of our own, not one of the contract's. */
export enum OrderOrderField {
  ORDERED_AT = 'ORDERED_AT',
  TOTAL = 'TOTAL',
  OPEN_AMOUNT = 'OPEN_AMOUNT',
}

registerEnumType(OrderOrderField, {
  name: 'OrderOrderField',
  description: 'Sort key of orders / 订单排序字段',
  valuesConfig: {
    ORDERED_AT: { description: 'Order date / 订货日期' },
    TOTAL: { description: 'Order amount (total) / 订单金额' },
    OPEN_AMOUNT: { description: 'Still to pay (openAmount) / 未付金额' },
  },
});

@InputType({ description: 'Which orders to list; all conditions must hold / 订单筛选' })
export class OrderFilter {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Dated on or after / 订货日期不早于（含）' })
  orderedFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Dated on or before / 订货日期不晚于（含）' })
  orderedTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'Of this customer / 订货客户' })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'With a line of this product / 含此商品' })
  productId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'With a line of a product in this category, exactly / 含此类别的商品',
  })
  category?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: only orders still to pay (openAmount = total − returnedAmount − paidAmount above zero); false: ' +
      'only settled ones (zero, or a refund due); omitted: all / 是否仅未付清（省略为全部）',
  })
  openOnly?: boolean | null;
}

@InputType({ description: 'Sort order of orders; ties are broken by id / 订单排序' })
export class OrderOrder {
  @Field(() => OrderOrderField, { description: 'Sort key / 排序字段' })
  field!: OrderOrderField;

  @Field(() => SortDirection, { description: 'Direction / 方向' })
  direction!: SortDirection;
}
