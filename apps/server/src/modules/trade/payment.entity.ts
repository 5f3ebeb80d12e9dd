import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { Node } from '../../core/graphql/node.interface.js';
import { DecimalScalar, LocalDateScalar } from '../../core/graphql/scalars.js';
import { Order } from './order.entity.js';

/** A payment received against an order (付款记录); the order's paidAmount is the sum of its payments. */
@ObjectType({ implements: Node, description: 'A payment received for an order / 付款记录' })
@Entity({ tableName: 'payment' })
export class Payment extends BaseEntity {
  @ManyToOne(() => Order, { ref: true })
  order: Ref<Order>;

  @Field(() => LocalDateScalar, { description: 'Date paid / 付款日期' })
  @Property({ type: 'date' })
  paidOn: string;

  @Field(() => DecimalScalar, { description: 'Amount paid, > 0 / 付款金额' })
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount: string;

  @Field(() => String, { nullable: true, description: 'How it was paid, e.g. bank transfer / 付款方式' })
  @Property({ type: 'varchar', length: 40, nullable: true })
  method: string | null = null;

  @Field(() => String, { nullable: true, description: 'Note / 备注' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  /** The order must be loaded. */
  dossierId(): string {
    return this.order.getEntity().customer.id;
  }

  constructor(order: Ref<Order>, paidOn: string, amount: string) {
    super();
    this.order = order;
    this.paidOn = paidOn;
    this.amount = amount;
  }
}
