import { Entity, Formula, ManyToOne, PrimaryKey, Property, type Ref, ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../core/graphql/scalars.js';
import { Order } from './order.entity.js';
import { Product } from './product.entity.js';

/**
 * One line of an order; a return (退货) is a line with a negative quantity. `amount` is computed by
 * PostgreSQL (a generated column), so it can never disagree with quantity, price and discount.
 */
@ObjectType({ description: 'A line of an order; negative quantity for a return / 订单明细' })
@Entity({ tableName: 'order_line' })
export class OrderLine {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Order, { ref: true })
  order: Ref<Order>;

  /** Copied from the order: revenue over a period is one scan of order_line. */
  @Property({ type: 'uuid' })
  customerId: string;

  @Property({ type: 'date' })
  orderedAt: string;

  @ManyToOne(() => Product, { ref: true })
  product: Ref<Product>;

  @Field(() => Int, { description: 'Quantity; negative for a return / 数量（退货为负）' })
  @Property({ type: 'int' })
  quantity: number;

  @Field(() => DecimalScalar, { description: 'Unit price / 单价' })
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  unitPrice: string;

  @Field(() => DecimalScalar, { description: 'Discount as a fraction 0..1 / 折扣率' })
  @Property({ type: 'decimal', precision: 5, scale: 4 })
  discount: string;

  @Field(() => DecimalScalar, {
    description: 'quantity × unitPrice × (1 − discount), rounded to cents / 金额',
  })
  @Formula((alias) => `${alias}.amount`, { type: 'decimal' })
  amount!: string;

  constructor(order: Order, product: Ref<Product>, quantity: number, unitPrice: string, discount = '0') {
    this.order = ref(order);
    this.customerId = order.customer.id;
    this.orderedAt = order.orderedAt;
    this.product = product;
    this.quantity = quantity;
    this.unitPrice = unitPrice;
    this.discount = discount;
  }
}
