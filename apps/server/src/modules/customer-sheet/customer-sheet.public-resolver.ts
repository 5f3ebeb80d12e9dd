import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { sheetByToken, submitCustomerSheet } from './customer-sheet.public.js';
import { CustomerSheet, SheetFieldValueInput } from './customer-sheet.types.js';

const TOKEN = { description: 'The secret from the link the customer received / 链接中的令牌' };

/** The customer's side, without a session: the link's secret is the only credential (auth-gate.ts). */
@Resolver()
export class CustomerSheetPublicResolver {
  @Query(() => CustomerSheet, {
    description:
      'Public, no sign-in: the basic sheet a customer sheet link opens (that customer’s sheet fields only). ' +
      'NOT_FOUND for an unknown secret; LINK_EXPIRED, LINK_USED or LINK_REVOKED for a link that no longer ' +
      'opens; TOO_MANY_ATTEMPTS when a client asks too often / 公开：按链接打开客户资料表',
  })
  sheetByToken(@Arg('token', TOKEN) token: string, @Ctx() ctx: Context) {
    return sheetByToken(ctx, token);
  }

  @Mutation(() => Boolean, {
    description:
      'Public, no sign-in: the customer submits the sheet, once; it becomes a proposal the rep reviews. ' +
      'Fields not given keep their values on file / 公开：客户提交资料表',
  })
  submitCustomerSheet(
    @Arg('token', TOKEN) token: string,
    @Arg('values', () => [SheetFieldValueInput], { description: 'The values filled in / 填写的值' })
    values: SheetFieldValueInput[],
    @Ctx() ctx: Context,
  ) {
    return submitCustomerSheet(ctx, token, values);
  }
}
