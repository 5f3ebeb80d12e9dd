import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { transferCustomers } from './handover.service.js';

@ObjectType({ description: 'What a handover moved / 移交结果' })
class TransferResult {
  @Field(() => Int, { description: 'Customers now owned by the receiver / 移交的客户数' })
  customers!: number;

  @Field(() => Int, {
    description:
      "The departing member's relationships taken over, including those merged into one the receiver " +
      'already had with the same key person / 移交的关系数（含合并）',
  })
  relationships!: number;

  @Field(() => Int, { description: 'Projects now owned by the receiver / 移交的项目数' })
  projects!: number;
}

@Resolver()
export class HandoverResolver {
  @Mutation(() => TransferResult, {
    description:
      'Hand every customer, relationship and project of a departing staff member to another, in one step ' +
      '/ 客户移交',
  })
  transferCustomers(
    @Arg('fromStaffId', () => ID, { description: 'Who hands over / 移交人' }) fromStaffId: string,
    @Arg('toStaffId', () => ID, { description: 'Who takes over; must be active / 接收人' }) toStaffId: string,
    @Ctx() ctx: Context,
  ): Promise<TransferResult> {
    return transferCustomers(ctx, fromStaffId, toStaffId);
  }
}
