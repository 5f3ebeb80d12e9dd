import { Confidentiality, DocumentCategory, type Retention } from '@dossier/domain';
import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../core/database/base.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { Project } from '../project/project.entity.js';
import { Staff } from '../staff/staff.entity.js';

/**
 * A filed document (档案文件) in a customer's dossier, optionally under one of its projects. Its bytes live
 * in `document_content` (document.content.ts); after destruction only this metadata and the destruction
 * record remain.
 */
@Entity({ tableName: 'document' })
export class Document extends BaseEntity {
  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  @ManyToOne(() => Project, { nullable: true, ref: true })
  project: Ref<Project> | null = null;

  @Enum({ items: () => DocumentCategory })
  category: DocumentCategory;

  @Enum({ items: () => Confidentiality })
  confidentiality: Confidentiality;

  @Property({ length: 200 })
  title: string;

  /** The document's own date (signed, issued, held), from which its retention counts. */
  @Property({ type: 'date' })
  documentDate: string;

  /** Years of retention; with `retainUntil` also null, the document is kept permanently. */
  @Property({ type: 'int', nullable: true })
  retentionYears: number | null = null;

  @Property({ type: 'date', nullable: true })
  retainUntil: string | null = null;

  @Property({ length: 255 })
  fileName: string;

  @Property({ length: 100 })
  mediaType: string;

  @Property({ type: 'int' })
  sizeBytes: number;

  /** SHA-256 of the content, lowercase hex, taken at upload and checked on every read. */
  @Property({ type: 'character', length: 64 })
  sha256: string;

  @ManyToOne(() => Staff, { ref: true })
  uploadedBy: Ref<Staff>;

  @ManyToOne(() => Staff, { nullable: true, ref: true })
  destructionApprovedBy: Ref<Staff> | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  destructionApprovedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  destroyedAt: Date | null = null;

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
