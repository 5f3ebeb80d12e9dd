import { Confidentiality, DocumentCategory } from '@dossier/domain';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Node } from '../../core/graphql/node.interface.js';
import { Staff } from '../staff/staff.entity.js';
import { Document } from './document.entity.js';

/**
 * The destruction record (销毁记录): what was destroyed, its checksum, when, approved by whom and carried
 * out by whom. Kept forever and append-only in the database, so it is written once by destroyDocument's
 * INSERT and only ever read through this entity; it carries no version because it never changes.
 */
@ObjectType({ implements: Node, description: 'The record of a destroyed document / 档案销毁记录' })
@Entity({ tableName: 'document_destruction', readonly: true })
export class DocumentDestruction {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Document, { ref: true, unique: true })
  document!: Ref<Document>;

  @Field({ description: 'Title of the destroyed document / 文件标题' })
  @Property({ length: 200 })
  title!: string;

  @Field(() => DocumentCategory, { description: 'Its category / 档案类别' })
  @Enum({ items: () => DocumentCategory })
  category!: DocumentCategory;

  @Field(() => Confidentiality, { name: 'level', description: 'Its confidentiality level / 密级' })
  @Enum({ items: () => Confidentiality })
  confidentiality!: Confidentiality;

  @Field({ description: 'Its file name / 文件名' })
  @Property({ length: 255 })
  fileName!: string;

  @Field({ description: 'SHA-256 of the destroyed content / 被销毁内容的校验值' })
  @Property({ type: 'character', length: 64 })
  sha256!: string;

  @ManyToOne(() => Staff, { ref: true })
  approvedBy!: Ref<Staff>;

  @Field({ description: 'When the destruction was approved / 批准时间' })
  @Property({ type: 'timestamptz' })
  approvedAt!: Date;

  @ManyToOne(() => Staff, { ref: true })
  carriedOutBy!: Ref<Staff>;

  @Field({ description: 'When the bytes were destroyed / 销毁时间' })
  @Property({ type: 'timestamptz' })
  destroyedAt!: Date;

  @Field(() => ID, { name: 'id', description: 'Global id of the record / 全局标识' })
  get globalId(): string {
    return toGlobalId('DocumentDestruction', this.id);
  }

  @Field(() => ID, { description: 'Global id the destroyed document had / 被销毁档案的全局标识' })
  get documentId(): string {
    return toGlobalId('Document', this.document.id);
  }
}
