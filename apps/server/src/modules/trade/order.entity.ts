import { openAmount } from '@dossier/domain';
import { Entity, Formula, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { Node } from '../../core/graphql/node.interface.js';
import { DecimalScalar, LocalDateScalar } from '../../core/graphql/scalars.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';

/**
 * An order (订单) of a customer: its lines make up `total`; returns and discounts granted afterwards
 * (OrderReturn) and payments (Payment) settle it.
 */
@ObjectType('Order', { implements: Node, description: 'An order of a customer / 订单' })
@Entity({ tableName: 'sales_order' })
export class Order extends BaseEntity {
  @Field({ description: 'Order number, unique / 订单号' })
  @Property({ length: 40 })
  number: string;

  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  @Field(() => LocalDateScalar, { description: 'Order date / 订货日期' })
  @Property({ type: 'date' })
  orderedAt: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Payment due date / 应付款日期' })
  @Property({ type: 'date', nullable: true })
  dueDate: string | null = null;

  @Field(() => String, { nullable: true, description: 'Sales region of the order / 销售区域' })
  @Property({ type: 'varchar', length: 100, nullable: true })
  region: string | null = null;

  @ManyToOne(() => Staff, { nullable: true, ref: true })
  rep: Ref<Staff> | null = null;

  /** Kept equal to the sum of the lines' amounts by whoever writes the lines, in the same transaction. */
  @Field(() => DecimalScalar, { description: 'Sum of the line amounts, net of returns / 订单金额' })
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  total = '0.00';

  // Sums of the order's payments and returns, kept by database triggers (one source of truth); read-only
  // here, so the ORM can never write a stale sum back.
  @Field(() => DecimalScalar, { description: 'Sum of the payments / 已付金额' })
  @Formula((alias) => `${alias}.paid_amount`, { type: 'decimal' })
  paidAmount = '0.00';

  @Field(() => DecimalScalar, { description: 'Sum of the returns and discounts / 退赔折价金额' })
  @Formula((alias) => `${alias}.returned_amount`, { type: 'decimal' })
  returnedAmount = '0.00';

  @Field(() => DecimalScalar, {
    description:
      'Still to pay: total − returnedAmount − paidAmount; negative when a refund is due / 未付金额',
  })
  get openAmount(): string {
    return openAmount({ total: this.total, returned: this.returnedAmount, paid: this.paidAmount });
  }

  dossierId(): string {
    return this.customer.id;
  }

  constructor(number: string, customer: Ref<Customer>, orderedAt: string) {
    super();
    this.number = number;
    this.customer = customer;
    this.orderedAt = orderedAt;
  }
}
