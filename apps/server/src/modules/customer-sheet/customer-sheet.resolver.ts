import { CustomerSheetLinkState, sheetDiff, sheetLinkState } from '@dossier/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { Customer } from '../customer/customer.entity.js';
import { customerById } from '../customer/customer.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { sheetLinksOfCustomer } from './customer-sheet.loaders.js';
import {
  createCustomerSheetLink,
  reviewCustomerSheet,
  revokeCustomerSheetLink,
} from './customer-sheet.service.js';
import { CustomerSheetChange, CustomerSheetLinkCreated } from './customer-sheet.types.js';
import { CustomerSheetLink } from './customer-sheet-link.entity.js';
import { sheetValuesOf } from './sheet-values.js';

const VERSION = {
  description: 'The version you read; a stale one is refused with VERSION_CONFLICT / 读取时的版本号',
};

@Resolver(() => CustomerSheetLink)
export class CustomerSheetLinkResolver {
  @Mutation(() => CustomerSheetLinkCreated, {
    description:
      'Create a link for the customer to fill in their own basic sheet, without an account; the address ' +
      'is shown this once / 向客户派发客户资料表（创建链接）',
  })
  createCustomerSheetLink(
    @Arg('customerId', () => ID, { description: 'The customer / 客户' }) customerId: string,
    @Arg('expiresInDays', () => Int, {
      nullable: true,
      description: 'Days it stays open: 1–14, default 14 / 有效天数',
    })
    expiresInDays: number | null,
    @Ctx() ctx: Context,
  ) {
    return createCustomerSheetLink(ctx, customerId, expiresInDays);
  }

  @Mutation(() => CustomerSheetLink, {
    description: 'Withdraw a link the customer has not used / 撤销资料表链接',
  })
  revokeCustomerSheetLink(
    @Arg('id', () => ID, { description: 'The link / 链接' }) id: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Ctx() ctx: Context,
  ) {
    return revokeCustomerSheetLink(ctx, id, expectedVersion);
  }

  @Mutation(() => CustomerSheetLink, {
    description:
      'Review the sheet the customer submitted: write the accepted fields to the customer (none: reject) ' +
      '/ 审核客户提交的资料表（部分或全部采纳，或拒绝）',
  })
  reviewCustomerSheet(
    @Arg('id', () => ID, { description: 'The link / 链接' }) id: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('accept', () => [String], {
      description: 'Fields to accept; empty rejects the proposal / 采纳的字段',
    })
    accept: string[],
    @Ctx() ctx: Context,
  ) {
    return reviewCustomerSheet(ctx, id, expectedVersion, accept);
  }

  @FieldResolver(() => CustomerSheetLinkState, { description: 'Open, submitted, expired or revoked / 状态' })
  state(@Root() link: CustomerSheetLink, @Ctx() ctx: Context) {
    return sheetLinkState(link, ctx.clock.now());
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who sent it / 发送人' })
  createdBy(@Root() link: CustomerSheetLink, @Ctx() ctx: Context) {
    return ctx.loaders.get(staffById).load(link.createdBy.id);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who reviewed the proposal / 审核人' })
  reviewedBy(@Root() link: CustomerSheetLink, @Ctx() ctx: Context) {
    return link.reviewedBy ? ctx.loaders.get(staffById).load(link.reviewedBy.id) : null;
  }

  @FieldResolver(() => [CustomerSheetChange], {
    nullable: true,
    description:
      'The fields the customer proposes to change, against the values on file now (unchanged fields left ' +
      'out); null until submitted / 客户建议的修改（逐字段对比）',
  })
  async proposedChanges(@Root() link: CustomerSheetLink, @Ctx() ctx: Context) {
    if (!link.proposal) return null;
    const customer = await ctx.loaders.get(customerById).load(link.customer.id);
    return customer ? sheetDiff(sheetValuesOf(customer), link.proposal) : null;
  }
}

@Resolver(() => Customer)
export class CustomerSheetLinksResolver {
  @FieldResolver(() => [CustomerSheetLink], {
    description: 'Links sent to the customer to fill in their own sheet, newest first / 客户资料表链接',
  })
  sheetLinks(@Root() customer: Customer, @Ctx() ctx: Context) {
    return ctx.loaders.get(sheetLinksOfCustomer).load(customer.id);
  }
}
