import { WeeklyCheckVerdict, weeklyCheckVerdictLabels } from '@dossier/domain';
import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { Node } from '../../core/graphql/node.interface.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';

registerEnumType(WeeklyCheckVerdict, {
  name: 'WeeklyCheckVerdict',
  description: "The manager's verdict in the weekly check / 每周检查结果",
  valuesConfig: describedBy(weeklyCheckVerdictLabels),
});

/**
 * A manager's verdict on a dossier for one business week (客服部主管每周一检查并签署评语): checked, with a
 * comment, or sent back to the rep with a request. Part of the dossier, so its history records it.
 */
@ObjectType({ implements: Node, description: "A manager's weekly check of a dossier / 每周档案检查" })
@Entity({ tableName: 'weekly_check' })
export class WeeklyCheck extends BaseEntity {
  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  @Field(() => LocalDateScalar, { description: 'Monday of the week checked / 检查周（周一）' })
  @Property({ type: 'date' })
  weekStart: string;

  @ManyToOne(() => Staff, { ref: true })
  manager: Ref<Staff>;

  @Field(() => WeeklyCheckVerdict, { description: 'Verdict / 检查结果' })
  @Enum({ items: () => WeeklyCheckVerdict })
  verdict: WeeklyCheckVerdict;

  @Field(() => String, {
    nullable: true,
    description: "The manager's comment (签署评语); for RETURNED, what the rep is asked to do / 评语",
  })
  @Property({ type: 'text', nullable: true })
  comment: string | null;

  @Field({ description: 'When the verdict was given (UTC) / 检查时间' })
  @Property({ type: 'timestamptz' })
  reviewedAt: Date;

  dossierId(): string {
    return this.customer.id;
  }

  constructor(
    customer: Ref<Customer>,
    weekStart: string,
    manager: Ref<Staff>,
    verdict: WeeklyCheckVerdict,
    comment: string | null,
    reviewedAt: Date,
  ) {
    super();
    this.customer = customer;
    this.weekStart = weekStart;
    this.manager = manager;
    this.verdict = verdict;
    this.comment = comment;
    this.reviewedAt = reviewedAt;
  }
}
