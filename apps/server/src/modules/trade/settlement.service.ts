import {
  openAmount,
  paymentProblem,
  returnProblem,
  type Settlement,
  type SettlementProblem,
  subtractMoney,
} from '@dossier/domain';
import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireDossierWriter } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { optionalAmount, optionalText, requiredText } from '../../core/validation.js';
import { customerVisibleTo } from '../customer/customer.loaders.js';
import type { RecordPaymentInput, RecordReturnInput } from './inputs/settlement-inputs.js';
import { Order } from './order.entity.js';
import { OrderReturn } from './order-return.entity.js';
import { Payment } from './payment.entity.js';

const NOTE_MAX = 2000;

/**
 * The order, if the viewer may see it, locked until the transaction ends and read fresh: two payments of
 * one order queue here, and the second sees what the first paid, so both cannot pass the overpay check.
 */
async function lockedOrder(ctx: Context, em: EntityManager, globalId: string): Promise<Order> {
  const id = idOf(globalId, 'Order', 'input.orderId');
  const order = await em.findOne(Order, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!order || !(await customerVisibleTo(em, ctx.viewer, order.customer.id))) {
    throw notFound('Order', globalId, 'input.orderId');
  }
  return order;
}

/** Well-formed and not negative; whether it fits the order is the domain rule's to say. */
const validAmount = (value: string): string => optionalAmount('input.amount', value) ?? value;

/** A settlement date lies between the order date and today (the business day of the request). */
function validDate(ctx: Context, field: string, date: string, order: Order): string {
  if (date > ctx.clock.today()) throw badInput(field, 'must not be in the future');
  if (date < order.orderedAt) throw badInput(field, `must not be before the order date ${order.orderedAt}`);
  return date;
}

const settlementOf = (order: Order): Settlement => ({
  total: order.total,
  returned: order.returnedAmount,
  paid: order.paidAmount,
});

function refuse(problem: SettlementProblem | null, order: Order): void {
  const settlement = settlementOf(order);
  if (problem === 'NOT_POSITIVE') throw badInput('input.amount', 'must be greater than 0');
  if (problem === 'OVERPAYS') {
    throw badInput('input.amount', `must not exceed the open amount ${openAmount(settlement)}`);
  }
  if (problem === 'EXCEEDS_SALE') {
    const returnable = subtractMoney(settlement.total, settlement.returned);
    throw badInput('input.amount', `must not exceed what is left to return, ${returnable}`);
  }
}

/** Records a payment received for an order (付款记录); the order's paid and open amounts follow. */
export function recordPayment(ctx: Context, input: RecordPaymentInput): Promise<Payment> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const amount = validAmount(input.amount);
    const method = optionalText('input.method', input.method, 40);
    const note = optionalText('input.note', input.note, NOTE_MAX);
    const order = await lockedOrder(ctx, em, input.orderId);
    const paidOn = validDate(ctx, 'input.paidOn', input.paidOn, order);
    refuse(paymentProblem(settlementOf(order), amount), order);
    const payment = Object.assign(new Payment(ref(order), paidOn, amount), { method, note });
    em.persist(payment);
    return payment;
  });
}

/** Records a return or discount (退赔折价): a credit against the order, lowering its revenue. */
export function recordReturn(ctx: Context, input: RecordReturnInput): Promise<OrderReturn> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const amount = validAmount(input.amount);
    const reason = requiredText('input.reason', input.reason, NOTE_MAX);
    const order = await lockedOrder(ctx, em, input.orderId);
    const date = validDate(ctx, 'input.date', input.date, order);
    refuse(returnProblem(settlementOf(order), amount), order);
    const credit = new OrderReturn(order, date, amount, reason);
    em.persist(credit);
    return credit;
  });
}
