import { SurveyAspect, surveyAspectLabels } from '@dossier/domain';
import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { Node } from '../../core/graphql/node.interface.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';

registerEnumType(SurveyAspect, {
  name: 'SurveyAspect',
  description: 'What a satisfaction survey scores / 满意度调查项目',
  valuesConfig: describedBy(surveyAspectLabels),
});

/** The scores of one survey, by aspect: the column each lives in. */
export const ASPECT_PROPERTY = {
  [SurveyAspect.PRODUCT]: 'productScore',
  [SurveyAspect.DELIVERY]: 'deliveryScore',
  [SurveyAspect.SERVICE]: 'serviceScore',
  [SurveyAspect.PRICE]: 'priceScore',
} as const;

/** A satisfaction survey (客户满意度调查): 1 (very dissatisfied) to 5 per aspect, one per customer and day. */
@ObjectType({ implements: Node, description: 'A satisfaction survey of a customer / 客户满意度调查' })
@Entity({ tableName: 'satisfaction_survey' })
export class SatisfactionSurvey extends BaseEntity {
  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  @Field(() => LocalDateScalar, { description: 'Day of the survey / 调查日期' })
  @Property({ type: 'date' })
  surveyedOn: string;

  @Field(() => Int, { description: 'Product, 1–5 / 产品满意度' })
  @Property({ type: 'smallint' })
  productScore: number;

  @Field(() => Int, { description: 'Delivery, 1–5 / 交货满意度' })
  @Property({ type: 'smallint' })
  deliveryScore: number;

  @Field(() => Int, { description: 'Service, 1–5 / 服务满意度' })
  @Property({ type: 'smallint' })
  serviceScore: number;

  @Field(() => Int, { description: 'Price, 1–5 / 价格满意度' })
  @Property({ type: 'smallint' })
  priceScore: number;

  @Field(() => String, { nullable: true, description: 'Comment / 意见' })
  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  recordedBy: Ref<Staff> | null = null;

  dossierId(): string {
    return this.customer.id;
  }

  constructor(customer: Ref<Customer>, surveyedOn: string, scores: Record<SurveyAspect, number>) {
    super();
    this.customer = customer;
    this.surveyedOn = surveyedOn;
    this.productScore = scores.PRODUCT;
    this.deliveryScore = scores.DELIVERY;
    this.serviceScore = scores.SERVICE;
    this.priceScore = scores.PRICE;
  }
}
