import { ArchiveFindingKind, archiveFindingKindLabels } from '@dossier/domain';
import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { Customer } from '../customer/customer.entity.js';
import { Document } from '../document/document.entity.js';
import { Staff } from '../staff/staff.entity.js';

registerEnumType(ArchiveFindingKind, {
  name: 'ArchiveFindingKind',
  description: 'What an archive inspection finding is about / 档案检查发现类型',
  valuesConfig: describedBy(archiveFindingKindLabels),
});

/**
 * The half-yearly archive inspection (档案检查) of a period, March or September: its findings are frozen
 * as they were found when it was generated, and the archivist ticks them off one by one.
 */
@ObjectType({ description: 'The half-yearly archive inspection / 半年度档案检查' })
@Entity({ tableName: 'archive_inspection' })
export class ArchiveInspection extends BaseEntity {
  @Field({ description: "The period, 'YYYY-03' or 'YYYY-09' / 检查期" })
  @Property({ length: 7, unique: true })
  period: string;

  @Field({ description: 'When the checklist was drawn up (UTC) / 生成时间' })
  @Property({ type: 'timestamptz' })
  generatedAt: Date;

  constructor(period: string, generatedAt: Date) {
    super();
    this.period = period;
    this.generatedAt = generatedAt;
  }
}

/**
 * One finding of an inspection about one document (and its loan, for an overdue one). `details` keeps
 * what was found as JSON text (title, level, loan, dates), so the checklist reads as it was generated even
 * after the document changed or was destroyed. Kept with the document's dossier: its ticks are history.
 */
@ObjectType({ description: 'A finding of an archive inspection / 档案检查发现' })
@Entity({ tableName: 'archive_inspection_item' })
export class ArchiveInspectionItem extends BaseEntity {
  @ManyToOne(() => ArchiveInspection, { ref: true })
  inspection: Ref<ArchiveInspection>;

  @ManyToOne(() => Document, { ref: true })
  document: Ref<Document>;

  /** The document's dossier when it was found, so its history reads the tick without another lookup. */
  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  @Field(() => ArchiveFindingKind, { description: 'What was found / 发现类型' })
  @Enum({ items: () => ArchiveFindingKind })
  kind: ArchiveFindingKind;

  @Property({ type: 'text' })
  details: string;

  @ManyToOne(() => Staff, { nullable: true, ref: true })
  checkedBy: Ref<Staff> | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was checked; null: still open / 核查时间' })
  @Property({ type: 'timestamptz', nullable: true })
  checkedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "The archivist's note / 核查备注" })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  dossierId(): string {
    return this.customer.id;
  }

  constructor(
    fields: Pick<ArchiveInspectionItem, 'inspection' | 'document' | 'customer' | 'kind' | 'details'>,
  ) {
    super();
    this.inspection = fields.inspection;
    this.document = fields.document;
    this.customer = fields.customer;
    this.kind = fields.kind;
    this.details = fields.details;
  }
}
