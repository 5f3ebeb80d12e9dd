import {
  Confidentiality,
  confidentialityLabels,
  DocumentCategory,
  documentCategoryLabels,
  type Retention,
} from '@dossier/domain';
import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { Node } from '../../core/graphql/node.interface.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { Customer } from '../customer/customer.entity.js';
import { Project } from '../project/project.entity.js';
import { Staff } from '../staff/staff.entity.js';

registerEnumType(DocumentCategory, {
  name: 'DocumentCategory',
  description: 'Kind of document / 档案类别',
  valuesConfig: describedBy(documentCategoryLabels),
});

registerEnumType(Confidentiality, {
  name: 'Confidentiality',
  description: 'Confidentiality level, most protected first / 密级',
  valuesConfig: describedBy(confidentialityLabels),
});

/**
 * A filed document (档案文件) in a customer's dossier, optionally under one of its projects. Its bytes live
 * in `document_content` (document.content.ts); after destruction only this metadata and the destruction
 * record remain.
 */
@ObjectType({ implements: Node, description: 'A filed document in a dossier / 档案文件' })
@Entity({ tableName: 'document' })
export class Document extends BaseEntity {
  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  @ManyToOne(() => Project, { nullable: true, ref: true })
  project: Ref<Project> | null = null;

  @Field(() => DocumentCategory, { description: 'Category / 档案类别' })
  @Enum({ items: () => DocumentCategory })
  category: DocumentCategory;

  @Field(() => Confidentiality, { name: 'level', description: 'Confidentiality level / 密级' })
  @Enum({ items: () => Confidentiality })
  confidentiality: Confidentiality;

  @Field({ description: 'Title / 标题' })
  @Property({ length: 200 })
  title: string;

  /** The document's own date (signed, issued, held), from which its retention counts. */
  @Field(() => LocalDateScalar, {
    description: "The document's own date, from which retention counts / 文件日期（保管期限起算）",
  })
  @Property({ type: 'date' })
  documentDate: string;

  /** Years of retention; with `retainUntil` also null, the document is kept permanently. */
  @Field(() => Int, {
    nullable: true,
    description:
      'Years of retention from the document date; null with retainUntil null: permanent / 保管年限',
  })
  @Property({ type: 'int', nullable: true })
  retentionYears: number | null = null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Kept until this date, when given instead of years / 保管至（指定日期）',
  })
  @Property({ type: 'date', nullable: true })
  retainUntil: string | null = null;

  @Field({ description: 'File name as uploaded / 文件名' })
  @Property({ length: 255 })
  fileName: string;

  @Field({ description: 'Media type, e.g. application/pdf / 文件类型' })
  @Property({ length: 100 })
  mediaType: string;

  @Field(() => Int, { name: 'size', description: 'Size in bytes / 文件大小（字节）' })
  @Property({ type: 'int' })
  sizeBytes: number;

  /** SHA-256 of the content, lowercase hex, taken at upload and checked on every read. */
  @Field({ description: 'SHA-256 of the content, lowercase hex / 内容校验值' })
  @Property({ type: 'character', length: 64 })
  sha256: string;

  @ManyToOne(() => Staff, { ref: true })
  uploadedBy: Ref<Staff>;

  @ManyToOne(() => Staff, { nullable: true, ref: true })
  destructionApprovedBy: Ref<Staff> | null = null;

  @Field(() => Date, {
    nullable: true,
    description: 'When its destruction was approved; null while not approved / 批准销毁时间',
  })
  @Property({ type: 'timestamptz', nullable: true })
  destructionApprovedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  destroyedAt: Date | null = null;

  /** Filed in its customer's dossier: its changes show in that customer's history. */
  dossierId(): string {
    return this.customer.id;
  }

  get retention(): Retention {
    if (this.retentionYears !== null) return { years: this.retentionYears };
    if (this.retainUntil !== null) return { until: new Date(`${this.retainUntil}T00:00:00Z`) };
    return 'PERMANENT';
  }

  constructor(
    fields: Pick<
      Document,
      | 'customer'
      | 'category'
      | 'confidentiality'
      | 'title'
      | 'documentDate'
      | 'fileName'
      | 'mediaType'
      | 'sizeBytes'
      | 'sha256'
      | 'uploadedBy'
    >,
  ) {
    super();
    this.customer = fields.customer;
    this.category = fields.category;
    this.confidentiality = fields.confidentiality;
    this.title = fields.title;
    this.documentDate = fields.documentDate;
    this.fileName = fields.fileName;
    this.mediaType = fields.mediaType;
    this.sizeBytes = fields.sizeBytes;
    this.sha256 = fields.sha256;
    this.uploadedBy = fields.uploadedBy;
  }
}
