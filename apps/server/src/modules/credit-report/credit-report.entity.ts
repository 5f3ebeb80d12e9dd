import { CreditRating, creditRatingLabels } from '@dossier/domain';
import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { Node } from '../../core/graphql/node.interface.js';
import { DecimalScalar, LocalDateScalar } from '../../core/graphql/scalars.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';

registerEnumType(CreditRating, {
  name: 'CreditRating',
  description: 'Credit rating / 信用等级',
  valuesConfig: describedBy(creditRatingLabels),
});

/** A credit investigation (资信调查报告), valid until a date, after which the customer is investigated again. */
@ObjectType({ implements: Node, description: 'A credit report on a customer / 资信调查报告' })
@Entity({ tableName: 'credit_report' })
export class CreditReport extends BaseEntity {
  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  @Field(() => LocalDateScalar, { description: 'Date of the report / 报告日期' })
  @Property({ type: 'date' })
  reportedAt: string;

  @Field(() => LocalDateScalar, { description: 'Valid until (inclusive) / 有效期至' })
  @Property({ type: 'date' })
  validUntil: string;

  @Field(() => CreditRating, { description: 'Rating / 信用等级' })
  @Enum({ items: () => CreditRating })
  rating: CreditRating;

  @Field(() => DecimalScalar, { nullable: true, description: 'Recommended credit limit / 授信建议' })
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  recommendedLimit: string | null = null;

  @Field(() => String, { nullable: true, description: 'Overall assessment / 综合评价' })
  @Property({ type: 'text', nullable: true })
  summary: string | null = null;

  @ManyToOne(() => Staff, { nullable: true, ref: true })
  author: Ref<Staff> | null = null;

  dossierId(): string {
    return this.customer.id;
  }

  constructor(customer: Ref<Customer>, reportedAt: string, validUntil: string, rating: CreditRating) {
    super();
    this.customer = customer;
    this.reportedAt = reportedAt;
    this.validUntil = validUntil;
    this.rating = rating;
  }
}
