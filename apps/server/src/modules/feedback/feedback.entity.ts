import {
  FeedbackCategory,
  FeedbackChannel,
  FeedbackKind,
  FeedbackSeverity,
  FeedbackStatus,
  feedbackCategoryLabels,
  feedbackChannelLabels,
  feedbackKindLabels,
  feedbackSeverityLabels,
  feedbackStatusLabels,
} from '@dossier/domain';
import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { Node } from '../../core/graphql/node.interface.js';
import { Customer } from '../customer/customer.entity.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { Staff } from '../staff/staff.entity.js';

registerEnumType(FeedbackKind, {
  name: 'FeedbackKind',
  description: 'Complaint or opinion / 反馈类型',
  valuesConfig: describedBy(feedbackKindLabels),
});
registerEnumType(FeedbackChannel, {
  name: 'FeedbackChannel',
  description: 'How the feedback reached us / 反馈渠道',
  valuesConfig: describedBy(feedbackChannelLabels),
});
registerEnumType(FeedbackCategory, {
  name: 'FeedbackCategory',
  description: 'What the feedback is about / 反馈类别',
  valuesConfig: describedBy(feedbackCategoryLabels),
});
registerEnumType(FeedbackSeverity, {
  name: 'FeedbackSeverity',
  description: 'How serious it is / 严重程度',
  valuesConfig: describedBy(feedbackSeverityLabels),
});
registerEnumType(FeedbackStatus, {
  name: 'FeedbackStatus',
  description: 'Open (being handled) or closed with a result / 处理状态',
  valuesConfig: describedBy(feedbackStatusLabels),
});

/** What a customer told us (客户意见反馈): a complaint or an opinion, and how we handled it. */
@ObjectType({ implements: Node, description: 'A complaint or opinion of a customer / 客户意见反馈' })
@Entity({ tableName: 'feedback' })
export class Feedback extends BaseEntity {
  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  @Field(() => FeedbackKind, { description: 'Complaint or opinion / 类型' })
  @Enum({ items: () => FeedbackKind })
  kind: FeedbackKind;

  @Field(() => FeedbackChannel, { description: 'Channel / 渠道' })
  @Enum({ items: () => FeedbackChannel })
  channel: FeedbackChannel;

  @Field(() => FeedbackCategory, { description: 'Category / 类别' })
  @Enum({ items: () => FeedbackCategory })
  category: FeedbackCategory;

  @Field(() => FeedbackSeverity, { description: 'Severity / 严重程度' })
  @Enum({ items: () => FeedbackSeverity })
  severity: FeedbackSeverity;

  @Field({ description: 'When it was received (UTC) / 收到时间' })
  @Property({ type: 'timestamptz' })
  receivedAt: Date;

  /** Who at the customer raised it: one of its key persons. */
  @ManyToOne(() => KeyPerson, { ref: true, nullable: true })
  keyPerson: Ref<KeyPerson> | null = null;

  @Field({ description: 'What the customer said / 反馈内容' })
  @Property({ type: 'text' })
  description: string;

  @Field(() => FeedbackStatus, { description: 'Status / 状态' })
  @Enum({ items: () => FeedbackStatus })
  status: FeedbackStatus = FeedbackStatus.OPEN;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  handler: Ref<Staff> | null = null;

  @Field(() => String, { nullable: true, description: 'Handling plan / 处理方案' })
  @Property({ type: 'text', nullable: true })
  handlingPlan: string | null = null;

  @Field(() => String, { nullable: true, description: 'Handling result / 处理结果' })
  @Property({ type: 'text', nullable: true })
  result: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was closed (UTC) / 结案时间' })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  recordedBy: Ref<Staff> | null = null;

  dossierId(): string {
    return this.customer.id;
  }

  constructor(
    customer: Ref<Customer>,
    fields: Pick<Feedback, 'kind' | 'channel' | 'category' | 'severity' | 'receivedAt' | 'description'>,
  ) {
    super();
    this.customer = customer;
    this.kind = fields.kind;
    this.channel = fields.channel;
    this.category = fields.category;
    this.severity = fields.severity;
    this.receivedAt = fields.receivedAt;
    this.description = fields.description;
  }
}
