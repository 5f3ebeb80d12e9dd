import { AuditEvent, auditEventLabels } from '@dossier/domain';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { describedBy } from '../../core/graphql/enum-values.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Staff } from '../staff/staff.entity.js';

registerEnumType(AuditEvent, {
  name: 'AuditEvent',
  description: 'What the audit log records / 审计事件',
  valuesConfig: describedBy(auditEventLabels),
});

/**
 * One entry of the audit log: who did what security-relevant thing, when, from where. Written only by
 * audit.writer.ts; the database refuses to change or delete it (trigger audit_log_no_change).
 */
@ObjectType({ description: 'An entry of the append-only audit log / 审计日志条目' })
@Entity({ tableName: 'audit_log' })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'When (UTC, server time) / 时间' })
  @Property({ type: 'timestamptz', length: 3 })
  at!: Date;

  @Field(() => AuditEvent, { description: 'What happened / 事件' })
  @Enum({ items: () => AuditEvent })
  event!: AuditEvent;

  /** Who acted: the signed-in viewer, the account signing in, or null for the command line. */
  @ManyToOne(() => Staff, { nullable: true, ref: true })
  actor!: Ref<Staff> | null;

  /** The staff member acted upon (created, deactivated, signing in), if any. */
  @ManyToOne(() => Staff, { nullable: true, ref: true })
  subject!: Ref<Staff> | null;

  @Field(() => String, {
    nullable: true,
    description: 'The e-mail a sign-in was attempted with, existing or not / 尝试登录的邮箱',
  })
  @Property({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Client address / 客户端地址' })
  @Property({ type: 'varchar', length: 64, nullable: true })
  address!: string | null;

  @Property({ type: 'json' })
  detail!: Record<string, unknown>;

  @Field(() => ID, { name: 'id', description: 'Id of the entry / 标识' })
  get globalId(): string {
    return toGlobalId('AuditEntry', this.id);
  }
}
