import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { Staff } from '../staff/staff.entity.js';

/**
 * A personal API token: read-only, with an expiry, revocable. Its secret is shown once at creation and
 * only its SHA-256 is kept, like a session's.
 */
@ObjectType({
  description: 'A personal, read-only API token (the secret is never shown again) / 个人 API 令牌',
})
@Entity({ tableName: 'api_token' })
export class ApiToken extends BaseEntity {
  @ManyToOne(() => Staff, { ref: true })
  staff: Ref<Staff>;

  @Field({ description: 'What the token is for, e.g. "Power BI" / 名称' })
  @Property({ length: 100 })
  name: string;

  /** SHA-256 of the secret; never a GraphQL field. */
  @Property({ type: 'bytea', lazy: true, hidden: true })
  tokenHash: Buffer;

  @Field({ description: 'After this instant the token no longer signs in (UTC) / 到期时间' })
  @Property({ type: 'timestamptz' })
  expiresAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'Last request made with it, to the minute (UTC) / 最近使用时间',
  })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked (UTC) / 吊销时间' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  constructor(staff: Ref<Staff>, name: string, tokenHash: Buffer, expiresAt: Date) {
    super();
    this.staff = staff;
    this.name = name;
    this.tokenHash = tokenHash;
    this.expiresAt = expiresAt;
  }
}
