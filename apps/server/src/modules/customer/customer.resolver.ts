import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { writesDossiers } from '../../core/access/policy.js';
import { type Context, viewerOf } from '../../core/context.js';
import { parseGlobalId } from '../../core/graphql/global-id.js';
import { connectionNodes, LookAhead } from '../../core/graphql/look-ahead.js';
import { EXPECTED_VERSION_DESCRIPTION } from '../../core/graphql/version-arg.js';
import { connectionType, toConnection } from '../../core/pagination/connection.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { loadNow } from '../../core/primed.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { Customer } from './customer.entity.js';
import { branchesOf, customerById } from './customer.loaders.js';
import { customerPage, DEFAULT_ORDER } from './customer.query.js';
import { createCustomer, markCustomerReviewed, updateCustomer } from './customer.service.js';
import { prefetchDossier } from './customer-dossier.prefetch.js';
import { prefetchCustomerPage } from './customer-page.prefetch.js';
import {
  CreateCustomerInput,
  CustomerFilter,
  CustomerOrder,
  UpdateCustomerInput,
} from './inputs/customer-inputs.js';

export const CustomerConnection = connectionType(Customer, 'Customer');

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: 'One customer by id / 按标识读取客户' })
  async customer(
    @Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Customer | null> {
    const parsed = parseGlobalId(id);
    if (parsed?.type !== 'Customer') return null;
    const customer = await ctx.loaders.get(customerById).load(parsed.id);
    if (customer) await prefetchDossier(ctx, LookAhead.of(info), customer.id);
    return customer;
  }

  @Query(() => CustomerConnection, {
    description: 'Customers, filtered and sorted, a page at a time / 客户列表',
  })
  async customers(
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => CustomerFilter, {
      nullable: true,
      description: 'Conditions, all must hold / 筛选条件',
    })
    filter: CustomerFilter | null,
    @Arg('orderBy', () => CustomerOrder, {
      nullable: true,
      description: 'Sort order (default NAME ASC) / 排序',
    })
    orderBy: CustomerOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = pageOf(pageArgs);
    const order = orderBy ?? DEFAULT_ORDER;
    const result = await customerPage(ctx.em, viewerOf(ctx), filter, order, page, ctx.clock);
    await prefetchCustomerPage(ctx, connectionNodes(info), result.rows.slice(0, page.limit));
    return toConnection(CustomerConnection, result.rows, page, result.sortValue, result.count);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'Head office, when this is a branch / 总部' })
  parent(@Root() customer: Customer, @Ctx() ctx: Context) {
    return customer.parent ? ctx.loaders.get(customerById).load(customer.parent.id) : null;
  }

  @FieldResolver(() => [Customer], { description: 'Branches of this customer / 分支机构' })
  branches(@Root() customer: Customer, @Ctx() ctx: Context) {
    return ctx.loaders.get(branchesOf).load(customer.id);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Responsible sales rep / 负责销售' })
  owner(@Root() customer: Customer, @Ctx() ctx: Context) {
    return customer.owner ? loadNow(ctx.loaders.get(staffById), customer.owner.id) : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether you may change this dossier (basic sheet, key persons, relationships, projects, roles, trade, ' +
      'credit): sales staff and admins change every dossier they read; analysts and archivists change none / ' +
      '你是否可修改此档案',
  })
  mayEdit(@Ctx() ctx: Context): boolean {
    return writesDossiers(ctx.viewer);
  }

  @Mutation(() => Customer, { description: 'Open a dossier for a new customer / 新建客户档案' })
  createCustomer(
    @Arg('input', { description: 'The new customer / 新客户' }) input: CreateCustomerInput,
    @Ctx() ctx: Context,
  ) {
    return createCustomer(ctx, input);
  }

  @Mutation(() => Customer, { description: 'Change the basic information sheet / 修改客户基本情况' })
  updateCustomer(
    @Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read / 读取时的版本号' })
    expectedVersion: number,
    @Arg('input', { description: 'Fields to change / 修改内容' }) input: UpdateCustomerInput,
    @Ctx() ctx: Context,
  ) {
    return updateCustomer(ctx, id, expectedVersion, input);
  }

  @Mutation(() => Customer, { description: 'Record a full dossier review now / 标记已审阅' })
  markCustomerReviewed(
    @Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
    expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    return markCustomerReviewed(ctx, id, expectedVersion);
  }
}
