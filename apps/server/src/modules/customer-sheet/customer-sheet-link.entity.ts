import { CustomerSheetLinkState, customerSheetLinkStateLabels } from '@dossier/domain';
import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';

registerEnumType(CustomerSheetLinkState, {
  name: 'CustomerSheetLinkState',
  description: 'Where a customer sheet link stands / 资料表链接状态',
  valuesConfig: describedBy(customerSheetLinkStateLabels),
});

/** Sheet values by field name, as the customer submitted them or as the customer stood then. */
export type SheetValues = Record<string, string | null>;

/**
 * A link a rep sends a customer to fill in their own basic sheet (向客户派发客户资料表), without an account.
 * Its secret is shown once, at creation; only its SHA-256 is kept. Single use: once submitted, the sheet is
 * a proposal the rep accepts field by field or rejects. A dossier record, so its life is in the history
 * (the hash and the values are hidden: the proposal is read as a diff, accepted values land on the customer).
 */
@ObjectType({ description: 'A link sent to a customer to fill in their own sheet / 客户资料表链接' })
@Entity({ tableName: 'customer_sheet_link' })
export class CustomerSheetLink extends BaseEntity {
  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  @ManyToOne(() => Staff, { ref: true })
  createdBy: Ref<Staff>;

  /** SHA-256 of the secret; never a GraphQL field, never in the history. */
  @Property({ type: 'bytea', lazy: true, hidden: true })
  tokenHash: Buffer;

  @Field({ description: 'After this instant the link no longer opens (UTC) / 链接有效期至' })
  @Property({ type: 'timestamptz' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was revoked (UTC) / 撤销时间' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the customer submitted the sheet (UTC) / 提交时间',
  })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null = null;

  /** The values the customer submitted, by field. */
  @Property({ type: 'jsonb', nullable: true, hidden: true })
  proposal: SheetValues | null = null;

  /** The customer's sheet values when the customer submitted: what "changed meanwhile" is measured against. */
  @Property({ type: 'jsonb', nullable: true, hidden: true })
  basis: SheetValues | null = null;

  @Field(() => Date, {
    nullable: true,
    description: 'When a staff member reviewed the proposal (UTC) / 审核时间',
  })
  @Property({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null = null;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  reviewedBy: Ref<Staff> | null = null;

  /** The fields accepted at the review, comma-separated ('' when rejected): it reads so in the history. */
  @Property({ type: 'text', nullable: true })
  acceptedFields: string | null = null;

  @Field(() => [String], {
    name: 'acceptedFields',
    nullable: true,
    description: 'The fields accepted at the review (empty: rejected); null until reviewed / 采纳的字段',
  })
  get acceptedFieldList(): string[] | null {
    if (this.acceptedFields === null) return null;
    return this.acceptedFields === '' ? [] : this.acceptedFields.split(', ');
  }

  /** The dossier a change of this record belongs to (see history). */
  dossierId(): string {
    return this.customer.id;
  }

  constructor(customer: Ref<Customer>, createdBy: Ref<Staff>, tokenHash: Buffer, expiresAt: Date) {
    super();
    this.customer = customer;
    this.createdBy = createdBy;
    this.tokenHash = tokenHash;
    this.expiresAt = expiresAt;
  }
}
