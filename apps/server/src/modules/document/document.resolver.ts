import { documentActions, isPastRetention, LoanStatus, loanStatus, retentionEndsAt } from '@dossier/domain';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context, viewerOf } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { connectionType } from '../../core/pagination/connection.js';
import { newestFirstConnection } from '../../core/pagination/newest-first.js';
import { PageArgs } from '../../core/pagination/page-args.js';
import { Customer } from '../customer/customer.entity.js';
import { customerById } from '../customer/customer.loaders.js';
import { Project } from '../project/project.entity.js';
import { readableProject } from '../project/project.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { Document } from './document.entity.js';
import {
  documentById,
  documentsOfCustomer,
  documentsOfProject,
  openLoansOfViewer,
} from './document.loaders.js';
import { approveDestruction, documentsPastRetention } from './document.service.js';
import { DocumentAccess } from './document-access.type.js';
import { updateDocument } from './document-update.service.js';
import { UpdateDocumentInput } from './inputs/update-document.input.js';

export const DocumentConnection = connectionType(Document, 'Document');

const dayOf = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** Past retention on the request's business day (DOMAIN.md: the yearly list reads the same rule). */
const pastRetention = (ctx: Context, document: Document) =>
  isPastRetention(document.retention, dayOf(document.documentDate), dayOf(ctx.clock.today()));

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => Document, {
    description:
      'One live document you may see; NOT_FOUND when it does not exist, is destroyed or is not yours to see / 按标识读取档案',
  })
  async document(
    @Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string,
    @Ctx() ctx: Context,
  ) {
    const document = await ctx.loaders.get(documentById).load(idOf(id, 'Document', 'id'));
    if (!document) throw notFound('Document', id, 'id');
    return document;
  }

  @Query(() => [Document], {
    description:
      'Documents past retention on a day (default today), oldest first: the yearly destruction list; archivist and admins / 已过保管期限的档案',
  })
  documentsPastRetention(
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'Business day / 截止日期' })
    asOf: string | null,
    @Ctx() ctx: Context,
  ) {
    return documentsPastRetention(ctx, asOf ?? undefined);
  }

  @FieldResolver(() => Customer, { description: 'Dossier it is filed in / 所属客户档案' })
  customer(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.loaders.get(customerById).load(document.customer.id);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'Project it is filed under / 所属项目' })
  project(@Root() document: Document, @Ctx() ctx: Context) {
    return document.project ? readableProject(ctx, document.project.id) : null;
  }

  @FieldResolver(() => Staff, { description: 'Who filed it / 归档人' })
  filedBy(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.loaders.get(staffById).load(document.uploadedBy.id);
  }

  @FieldResolver(() => Date, { description: 'When it was filed (UTC) / 归档时间' })
  filedAt(@Root() document: Document): Date {
    return document.createdAt;
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description: 'First day past retention; null: kept permanently / 保管期满日（空为永久）',
  })
  retentionUntil(@Root() document: Document): string | null {
    const end = retentionEndsAt(document.retention, dayOf(document.documentDate));
    return end ? end.toISOString().slice(0, 10) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Past retention today / 已过保管期限' })
  pastRetention(@Root() document: Document, @Ctx() ctx: Context): boolean {
    return pastRetention(ctx, document);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who approved its destruction / 批准销毁人' })
  destructionApprovedBy(@Root() document: Document, @Ctx() ctx: Context) {
    return document.destructionApprovedBy
      ? ctx.loaders.get(staffById).load(document.destructionApprovedBy.id)
      : null;
  }

  @FieldResolver(() => String, {
    description: 'Where to view the content in place; add ?download for a copy / 查阅地址',
  })
  contentUrl(@Root() document: Document): string {
    return `/documents/${encodeURIComponent(document.globalId)}/content`;
  }

  @FieldResolver(() => DocumentAccess, { description: 'What you may do with it now / 当前可执行的操作' })
  async myAccess(@Root() document: Document, @Ctx() ctx: Context): Promise<DocumentAccess> {
    const viewer = viewerOf(ctx);
    const now = ctx.clock.now();
    const statuses = (await ctx.loaders.get(openLoansOfViewer).load(document.id)).map((loan) =>
      loanStatus(loan, now),
    );
    return documentActions(
      {
        level: document.confidentiality,
        category: document.category,
        pastRetention: pastRetention(ctx, document),
        destructionApprovedBy: document.destructionApprovedBy?.id ?? null,
      },
      {
        id: viewer.id,
        role: viewer.role,
        holdsRunningLoan: statuses.includes(LoanStatus.ON_LOAN),
        awaitsApproval: statuses.includes(LoanStatus.REQUESTED),
      },
    );
  }

  @Mutation(() => Document, {
    description: "Change a document's metadata; archivist and admins / 修改档案信息（档案管理人员）",
  })
  updateDocument(
    @Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'Version last read / 读取时的版本号' }) version: number,
    @Arg('input', { description: 'The changes / 修改内容' }) input: UpdateDocumentInput,
    @Ctx() ctx: Context,
  ) {
    return updateDocument(ctx, id, version, input);
  }

  @Mutation(() => Document, {
    description:
      'Approve destroying a document past retention; another keeper carries it out / 批准销毁（须由另一名档案管理人员执行）',
  })
  approveDocumentDestruction(
    @Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'Version last read / 读取时的版本号' }) version: number,
    @Ctx() ctx: Context,
  ) {
    return approveDestruction(ctx, id, version);
  }
}

@Resolver(() => Customer)
export class CustomerDocumentsResolver {
  @FieldResolver(() => DocumentConnection, {
    description:
      'Live documents of the dossier, newest filed first, a page at a time / 档案文件（新归档在前）',
  })
  documents(@Root() customer: Customer, @Args() args: PageArgs, @Ctx() ctx: Context) {
    return newestFirstConnection(ctx, documentsOfCustomer, DocumentConnection, customer.id, args);
  }
}

@Resolver(() => Project)
export class ProjectDocumentsResolver {
  @FieldResolver(() => DocumentConnection, {
    description: 'Live documents filed under the project, newest first, a page at a time / 项目档案文件',
  })
  documents(@Root() project: Project, @Args() args: PageArgs, @Ctx() ctx: Context) {
    return newestFirstConnection(ctx, documentsOfProject, DocumentConnection, project.id, args);
  }
}
