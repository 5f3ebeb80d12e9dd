import { InboxItemState, inboxItemStateLabels, ReminderKind, reminderKindLabels } from '@dossier/domain';
import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { Node } from '../../core/graphql/node.interface.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';

registerEnumType(ReminderKind, {
  name: 'ReminderKind',
  description: 'What an inbox item reminds of / 提醒类型',
  valuesConfig: describedBy(reminderKindLabels),
});

registerEnumType(InboxItemState, {
  name: 'InboxItemState',
  description: 'Where an inbox item stands / 待办状态',
  valuesConfig: describedBy(inboxItemStateLabels),
});

/**
 * One reminder in a person's inbox (待办提醒). The sweep inserts it once per (recipient, kind, key); the
 * person marks it done, snoozes it to a day, or reopens it, each a versioned write kept in the history.
 */
@ObjectType({ implements: Node, description: 'A reminder in my inbox / 待办提醒' })
@Entity({ tableName: 'inbox_item' })
export class InboxItem extends BaseEntity {
  @ManyToOne(() => Staff, { ref: true })
  recipient: Ref<Staff>;

  @Field(() => ReminderKind, { description: 'What it reminds of / 提醒类型' })
  @Enum({ items: () => ReminderKind })
  kind: ReminderKind;

  @Property({ type: 'text' })
  key: string;

  @ManyToOne(() => Customer, { ref: true, nullable: true })
  customer: Ref<Customer> | null = null;

  @Field(() => LocalDateScalar, { description: 'The day it is about (due, expiry) / 到期日' })
  @Property({ type: 'date' })
  dueOn: string;

  @Field(() => GraphQLJSONObject, { description: 'Values of its translated text / 提醒文本参数' })
  @Property({ type: 'json' })
  params: Record<string, string | number> = {};

  @Field({ description: 'Where to act on it, a path of the web app / 处理链接' })
  @Property({ type: 'text' })
  link: string;

  @Field(() => InboxItemState, { description: 'Open, done or snoozed / 状态' })
  @Enum({ items: () => InboxItemState })
  state: InboxItemState = InboxItemState.OPEN;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Snoozed until this day / 推迟至' })
  @Property({ type: 'date', nullable: true })
  snoozedUntil: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was done (UTC) / 完成时间' })
  @Property({ type: 'timestamptz', nullable: true })
  doneAt: Date | null = null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When it was done by itself, its cause gone; it opens again if the cause returns (UTC) / 自动完成时间',
  })
  @Property({ type: 'timestamptz', nullable: true })
  settledAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  mailedAt: Date | null = null;

  /** Kept in the history outside any dossier, as a staff member is: a person's to-do is no dossier change. */
  personalRecord(): true {
    return true;
  }

  constructor(recipient: Ref<Staff>, kind: ReminderKind, key: string, dueOn: string, link: string) {
    super();
    this.recipient = recipient;
    this.kind = kind;
    this.key = key;
    this.dueOn = dueOn;
    this.link = link;
  }
}
