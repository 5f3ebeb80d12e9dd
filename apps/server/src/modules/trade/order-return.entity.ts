import { Entity, ManyToOne, Property, type Ref, ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { Node } from '../../core/graphql/node.interface.js';
import { DecimalScalar, LocalDateScalar } from '../../core/graphql/scalars.js';
import { Order } from './order.entity.js';

/**
 * A return or discount granted after the sale (退赔折价): a credit against the order that lowers the
 * order's revenue, in the period of the ORDER's date (DOMAIN.md: orders dated in the period, less returns).
 */
@ObjectType({ implements: Node, description: 'A return or discount credited against an order / 退赔折价' })
@Entity({ tableName: 'order_return' })
export class OrderReturn extends BaseEntity {
  @ManyToOne(() => Order, { ref: true })
  order: Ref<Order>;

  /** Copied from the order, as on OrderLine: the revenue rollup books the credit on the order's date. */
  @Property({ type: 'uuid' })
  customerId: string;

  @Property({ type: 'date' })
  orderedAt: string;

  @Field(() => LocalDateScalar, { description: 'Date of the return or discount / 退赔日期' })
  @Property({ type: 'date' })
  returnedOn: string;

  @Field(() => DecimalScalar, { description: 'Amount credited, > 0 / 退赔金额' })
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount: string;

  @Field({ description: 'Reason / 原因' })
  @Property({ type: 'text' })
  reason: string;

  dossierId(): string {
    return this.customerId;
  }

  constructor(order: Order, returnedOn: string, amount: string, reason: string) {
    super();
    this.order = ref(order);
    this.customerId = order.customer.id;
    this.orderedAt = order.orderedAt;
    this.returnedOn = returnedOn;
    this.amount = amount;
    this.reason = reason;
  }
}
