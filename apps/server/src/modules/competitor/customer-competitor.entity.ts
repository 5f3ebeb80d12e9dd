import { Entity, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { Node } from '../../core/graphql/node.interface.js';
import { DecimalScalar, LocalDateScalar } from '../../core/graphql/scalars.js';
import { Customer } from '../customer/customer.entity.js';
import { Competitor } from './competitor.entity.js';

/** A competitor present at one customer, with how it compares with us there (竞争对手状况). */
@ObjectType({ implements: Node, description: 'A competitor present at a customer / 客户处的竞争对手' })
@Entity({ tableName: 'customer_competitor' })
@Unique({ properties: ['customer', 'competitor'] })
export class CustomerCompetitor extends BaseEntity {
  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  @ManyToOne(() => Competitor, { ref: true })
  competitor: Ref<Competitor>;

  /** Free text: products carry only a free-text category, so there is no category list to pick from. */
  @Field(() => String, { nullable: true, description: 'Products or categories they supply / 供应品类' })
  @Property({ type: 'text', nullable: true })
  supplies: string | null = null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Estimated share of the customer's spend, percent 0–100 / 估计份额（%）",
  })
  @Property({ type: 'decimal', precision: 5, scale: 2, nullable: true })
  sharePercent: string | null = null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Supplying since / 合作起始日期' })
  @Property({ type: 'date', nullable: true })
  since: string | null = null;

  @Field(() => String, { nullable: true, description: 'Their strengths against us / 优势' })
  @Property({ type: 'text', nullable: true })
  strengths: string | null = null;

  @Field(() => String, { nullable: true, description: 'Their weaknesses against us / 劣势' })
  @Property({ type: 'text', nullable: true })
  weaknesses: string | null = null;

  @Field(() => String, { nullable: true, description: 'Comparison notes / 比较说明' })
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  dossierId(): string {
    return this.customer.id;
  }

  constructor(customer: Ref<Customer>, competitor: Ref<Competitor>) {
    super();
    this.customer = customer;
    this.competitor = competitor;
  }
}
