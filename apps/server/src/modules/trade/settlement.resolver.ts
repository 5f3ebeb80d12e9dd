import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { RecordPaymentInput, RecordReturnInput } from './inputs/settlement-inputs.js';
import { Order } from './order.entity.js';
import { OrderReturn } from './order-return.entity.js';
import { Payment } from './payment.entity.js';
import { recordPayment, recordReturn } from './settlement.service.js';
import { orderById, paymentsOfOrder, returnsOfOrder } from './trade.loaders.js';

@Resolver(() => Order)
export class OrderSettlementResolver {
  @FieldResolver(() => [Payment], { description: 'Payments received, oldest first / 付款记录' })
  payments(@Root() order: Order, @Ctx() ctx: Context) {
    return ctx.loaders.get(paymentsOfOrder).load(order.id);
  }

  @FieldResolver(() => [OrderReturn], { description: 'Returns and discounts, oldest first / 退赔折价' })
  returns(@Root() order: Order, @Ctx() ctx: Context) {
    return ctx.loaders.get(returnsOfOrder).load(order.id);
  }
}

@Resolver(() => Payment)
export class PaymentResolver {
  @FieldResolver(() => Order, { description: 'Order paid / 订单' })
  order(@Root() payment: Payment, @Ctx() ctx: Context) {
    return ctx.loaders.get(orderById).load(payment.order.id);
  }

  @Mutation(() => Payment, { description: 'Record a payment received for an order / 录入付款记录' })
  recordPayment(
    @Arg('input', { description: 'The payment / 付款' }) input: RecordPaymentInput,
    @Ctx() ctx: Context,
  ) {
    return recordPayment(ctx, input);
  }
}

@Resolver(() => OrderReturn)
export class OrderReturnResolver {
  @FieldResolver(() => Order, { description: 'Order credited / 订单' })
  order(@Root() credit: OrderReturn, @Ctx() ctx: Context) {
    return ctx.loaders.get(orderById).load(credit.order.id);
  }

  @Mutation(() => OrderReturn, { description: 'Record a return or discount against an order / 录入退赔折价' })
  recordReturn(
    @Arg('input', { description: 'The return / 退赔' }) input: RecordReturnInput,
    @Ctx() ctx: Context,
  ) {
    return recordReturn(ctx, input);
  }
}
