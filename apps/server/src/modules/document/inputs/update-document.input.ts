import { Confidentiality, DocumentCategory } from '@dossier/domain';
import { Field, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../../core/graphql/scalars.js';

@InputType({ description: "Changes to a document's metadata; absent fields stay / 修改档案信息" })
export class UpdateDocumentInput {
  @Field(() => String, { nullable: true, description: 'Title / 标题' })
  title?: string | null;

  @Field(() => DocumentCategory, { nullable: true, description: 'Category / 档案类别' })
  category?: DocumentCategory | null;

  @Field(() => Confidentiality, { nullable: true, description: 'Confidentiality level / 密级' })
  level?: Confidentiality | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The document's own date / 文件日期" })
  documentDate?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Retention in years; give retentionYears or retainUntil (or both null: permanent) to change it / 保管年限',
  })
  retentionYears?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Kept until this date / 保管至' })
  retainUntil?: string | null;
}
