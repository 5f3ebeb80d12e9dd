import { addMoney, openAmount, paymentProblem } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { currentClock } from '../../core/clock/current-clock.js';
import { type ChangeBatch, recordCreates } from '../history/history.writer.js';
import { Payment } from '../trade/payment.entity.js';
import type { RowReader } from './import.cells.js';
import { ordersByNumber } from './import.lookups.js';
import {
  type ImportPlan,
  type PlanContext,
  type Progress,
  parseRows,
  present,
  problemsOf,
} from './import.plan.js';
import { columnsOf, inChunks, unnest } from './import.sql.js';

export interface PaymentRecord {
  orderId: string | null;
  amount: string | null;
  paidOn: string | null;
  method: string | null;
  note: string | null;
}

/**
 * Fails a payment that would pay more than its order's open amount, counting the file's earlier payments
 * of the same order; answers what the order has been paid with this one.
 */
export function checkPayment(
  reader: RowReader,
  field: string,
  order: { number: string; total: string; returned: string; paid: string },
  amount: string,
): string {
  const problem = paymentProblem(order, amount);
  if (problem === 'NOT_POSITIVE') reader.fail(field, 'must be greater than 0');
  if (problem === 'OVERPAYS') {
    reader.fail(field, `would overpay order "${order.number}": open amount ${openAmount(order)}`);
  }
  return problem ? order.paid : addMoney(order.paid, amount);
}

/** Payments with a CREATE change each, filed under the order's customer, by the actor. */
export async function writePayments(
  em: EntityManager,
  payments: readonly PaymentRecord[],
  batch: ChangeBatch,
  progress: Progress,
): Promise<void> {
  progress.phase('writing payments', payments.length);
  await inChunks(payments, progress, async (chunk) => {
    const rows = unnest(
      columnsOf(chunk, {
        order_id: ['uuid', (p) => p.orderId],
        paid_on: ['date', (p) => p.paidOn],
        amount: ['numeric', (p) => p.amount],
        method: ['text', (p) => p.method],
        note: ['text', (p) => p.note],
      }),
    );
    const insert = `insert into payment (id, order_id, paid_on, amount, method, note)
      select gen_random_uuid(), u.order_id, u.paid_on, u.amount, u.method, u.note from ${rows.from}
      returning *, (select customer_id from sales_order where id = order_id) as customer_id`;
    await recordCreates(em, batch, { entity: Payment, created: insert, params: rows.params });
  });
}

/**
 * Payments received (付款记录) for orders that exist and that the importer may see: each dated between its
 * order and today, each within what is left to pay once the file's earlier payments of the order count.
 */
export async function planPayments(context: PlanContext): Promise<ImportPlan> {
  const today = currentClock().today();
  const parsed = parseRows(context, (r) => ({
    number: r.required('orderNumber', 40),
    payment: {
      orderId: null,
      amount: r.amount('amount', true),
      paidOn: r.date('paidOn', true),
      method: r.text('method', 40),
      note: r.text('note', 2000),
    } as PaymentRecord,
  }));
  const orders = await ordersByNumber(
    context.em,
    context.viewer,
    present(parsed.map((p) => p.record.number)),
  );
  for (const { reader, record } of parsed) {
    const { number, payment } = record;
    if (number === null) continue;
    const order = orders.get(number);
    if (!order) {
      reader.fail('orderNumber', `names no order ("${number}")`);
      continue;
    }
    payment.orderId = order.id;
    if (payment.paidOn && payment.paidOn > today) reader.fail('paidOn', 'must not be in the future');
    if (payment.paidOn && payment.paidOn < order.orderedAt) {
      reader.fail('paidOn', `must not be before the order date ${order.orderedAt}`);
    }
    if (payment.amount !== null)
      order.paid = checkPayment(reader, 'amount', { ...order, number }, payment.amount);
  }
  const payments = parsed.map(({ record }) => record.payment);
  return {
    problems: problemsOf(parsed),
    counts: { payments: payments.length },
    write: (em, batch, progress) => writePayments(em, payments, batch, progress),
  };
}
