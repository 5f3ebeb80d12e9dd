import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { connectionType, toConnection } from '../../core/pagination/connection.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { Customer } from '../customer/customer.entity.js';
import { customerById } from '../customer/customer.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { documentRowById } from './document.loaders.js';
import { destroyDocument } from './document.service.js';
import { DocumentDestruction } from './document-destruction.entity.js';
import { destructionPage } from './document-destruction.query.js';

export const DocumentDestructionConnection = connectionType(DocumentDestruction, 'DocumentDestruction');

@Resolver(() => DocumentDestruction)
export class DocumentDestructionResolver {
  @Query(() => DocumentDestructionConnection, {
    description: 'Destruction records, latest first; archivist and admins / 档案销毁记录',
  })
  async documentDestructions(@Args() pageArgs: PageArgs, @Ctx() ctx: Context) {
    const page = pageOf(pageArgs);
    const result = await destructionPage(ctx, page);
    return toConnection(DocumentDestructionConnection, result.rows, page, result.sortValue, result.count);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'Dossier it was filed in / 所属客户档案' })
  async customer(@Root() record: DocumentDestruction, @Ctx() ctx: Context) {
    const document = await ctx.loaders.get(documentRowById).load(record.document.id);
    return document ? ctx.loaders.get(customerById).load(document.customer.id) : null;
  }

  @FieldResolver(() => Staff, { description: 'Who approved the destruction / 批准人' })
  approvedBy(@Root() record: DocumentDestruction, @Ctx() ctx: Context) {
    return ctx.loaders.get(staffById).load(record.approvedBy.id);
  }

  @FieldResolver(() => Staff, { description: 'Who carried it out / 执行人' })
  carriedOutBy(@Root() record: DocumentDestruction, @Ctx() ctx: Context) {
    return ctx.loaders.get(staffById).load(record.carriedOutBy.id);
  }

  @Mutation(() => DocumentDestruction, {
    description:
      'Destroy a document whose destruction another keeper approved: the bytes go, the record stays / 执行销毁',
  })
  async destroyDocument(
    @Arg('id', () => ID, { description: 'Global id of the document / 档案标识' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'Version last read / 读取时的版本号' }) version: number,
    @Ctx() ctx: Context,
  ) {
    const document = await destroyDocument(ctx, id, version);
    return ctx.em.findOneOrFail(DocumentDestruction, { document: document.id });
  }
}
