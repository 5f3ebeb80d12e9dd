import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'What you may do with a document now, by its level, your role and your loans / 当前可执行的操作',
})
export class DocumentAccess {
  @Field({ description: 'View it in place (GET contentUrl) / 在线查阅' })
  view!: boolean;

  @Field({ description: 'Download a copy (contentUrl?download) / 下载' })
  download!: boolean;

  @Field({ description: 'Ask to borrow it (requestDocumentLoan) / 申请借阅' })
  borrow!: boolean;

  @Field({ description: 'Approve its destruction (approveDocumentDestruction) / 批准销毁' })
  approveDestruction!: boolean;

  @Field({ description: 'Carry out its approved destruction (destroyDocument) / 执行销毁' })
  destroy!: boolean;
}
