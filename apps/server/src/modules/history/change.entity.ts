import { ChangeAction, ChangeVia, changeActionLabels, changeViaLabels } from '@dossier/domain';
import {
  Collection,
  Entity,
  Enum,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { v7 as uuidv7 } from 'uuid';
import { currentInstant } from '../../core/clock/current-clock.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Node } from '../../core/graphql/node.interface.js';
import { Staff } from '../staff/staff.entity.js';

/**
 * When a change happens: every path that records history (an ORM flush, a set-based statement) takes its
 * time from here, to the millisecond that `change.at` keeps, on the clock of the unit of work.
 */
export const changeTime = (): Date => currentInstant();

registerEnumType(ChangeAction, {
  name: 'ChangeAction',
  description: 'What a change did / 变更类型',
  valuesConfig: describedBy(changeActionLabels),
});

registerEnumType(ChangeVia, {
  name: 'ChangeVia',
  description: 'How a change came about besides who made it / 变更来源',
  valuesConfig: describedBy(changeViaLabels),
});

/** One field's value before and after a change. */
@ObjectType({ description: 'A field before and after a change / 字段变更' })
@Entity({ tableName: 'field_change' })
export class FieldChange {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Change, { ref: true })
  change!: Ref<Change>;

  @Field({ description: 'Field name as in the API / 字段' })
  @Property({ length: 100 })
  field: string;

  @Property({ type: 'text', nullable: true })
  before: string | null;

  @Property({ type: 'text', nullable: true })
  after: string | null;

  constructor(field: string, before: string | null, after: string | null) {
    this.field = field;
    this.before = before;
    this.after = after;
  }
}

/** An entry of the dossier's history (动态管理): who changed what, when. Append-only. */
@ObjectType({ implements: Node, description: 'A recorded change / 变更记录' })
@Entity({ tableName: 'change' })
export class Change {
  // Time-ordered (UUIDv7, monotonic in this process): history pages by (at desc, id desc), so two changes
  // stamped with the same instant (a pinned clock, one millisecond) still list the later one first.
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Field({ description: 'When (UTC) / 时间' })
  @Property({ type: 'timestamptz', length: 3 })
  at: Date = changeTime();

  @ManyToOne(() => Staff, { nullable: true, ref: true })
  actor: Ref<Staff> | null;

  @Field({ description: 'Type of the changed record, e.g. Customer / 记录类型' })
  @Property({ length: 50 })
  entityType: string;

  @Property({ type: 'uuid' })
  entityId: string;

  @Field(() => ChangeAction, { description: 'Action / 操作' })
  @Enum({ items: () => ChangeAction })
  action: ChangeAction;

  @Field(() => ChangeVia, {
    nullable: true,
    description:
      "How the change came about when not by the actor's own hand, e.g. CUSTOMER_LINK: proposed by the " +
      'customer through a sheet link and accepted by the actor; null for an ordinary change / 变更来源',
  })
  @Enum({ items: () => ChangeVia, nullable: true })
  via: ChangeVia | null = null;

  /** The dossier this change belongs to. */
  @Property({ type: 'uuid', nullable: true })
  customerId: string | null;

  @OneToMany(
    () => FieldChange,
    (fieldChange) => fieldChange.change,
    { orphanRemoval: true },
  )
  fieldChanges = new Collection<FieldChange>(this);

  @Field(() => ID, { name: 'id', description: 'Global id / 全局标识' })
  get globalId(): string {
    return toGlobalId('Change', this.id);
  }

  @Field(() => ID, {
    name: 'entityId',
    description: 'Global id of the changed record / 被修改记录的全局标识',
  })
  get entityGlobalId(): string {
    return toGlobalId(this.entityType, this.entityId);
  }

  constructor(
    actor: Ref<Staff> | null,
    entityType: string,
    entityId: string,
    action: ChangeAction,
    customerId: string | null,
  ) {
    this.actor = actor;
    this.entityType = entityType;
    this.entityId = entityId;
    this.action = action;
    this.customerId = customerId;
  }
}
