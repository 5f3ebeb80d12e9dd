import { formatCents } from '@dossier/domain';
import type { Row } from './bulk-insert.js';
import { addDays, type Demo, latest, localDate } from './demo-random.js';

const DAY_MS = 86_400_000;

/** How a customer pays its bills (付款记录): most on time, some late, a few not at all. */
export type Payer = 'prompt' | 'slow' | 'delinquent';

export const payerOf = (demo: Demo): Payer =>
  demo.weighted([
    ['prompt', 78],
    ['slow', 14],
    ['delinquent', 8],
  ] as const);

/**
 * Cents paid of an order. Bills not yet due are mostly open; slow payers leave recent bills (up to 90 days
 * overdue) open or half paid, delinquent ones also older bills: the arrears (欠款) the risk rules find.
 */
export function paidCents(demo: Demo, total: bigint, due: Date, today: Date, payer: Payer): bigint {
  const overdueDays = Math.floor((today.getTime() - due.getTime()) / DAY_MS);
  const part = () => (total * BigInt(demo.int(20, 80))) / 100n;
  if (overdueDays < 0) return demo.chance(0.3) ? total : 0n;
  const inArrears = payer === 'delinquent' ? overdueDays <= 400 : payer === 'slow' && overdueDays <= 90;
  if (!inArrears) return total;
  return demo.weighted([
    [() => 0n, 4],
    [part, 3],
    [() => total, 3],
  ] as const)();
}

const METHODS = ['银行转账', '银行承兑汇票', '电汇'] as const;

/**
 * The payment record (付款记录) of one order: what `paidCents` says was paid, as one payment dated by the
 * payer's habit (prompt payers a third of the terms before the due date, the others a month after it),
 * never before the order nor after today. Only its id is drawn: the amounts and the rest of the demo stay
 * the same company.
 */
export function paymentOf(
  demo: Demo,
  order: { id: string; at: Date; due: Date; n: number },
  cents: bigint,
  payer: Payer,
): Row | null {
  if (cents === 0n) return null;
  const terms = Math.round((order.due.getTime() - order.at.getTime()) / DAY_MS);
  const habit = payer === 'prompt' ? addDays(order.due, -Math.floor(terms / 3)) : addDays(order.due, 30);
  const paidOn = latest(order.at, new Date(Math.min(habit.getTime(), demo.calendarToday.getTime())));
  return {
    id: demo.id(),
    order_id: order.id,
    paid_on: localDate(paidOn),
    amount: formatCents(cents),
    method: METHODS[order.n % METHODS.length] ?? null,
    created_at: paidOn,
    updated_at: paidOn,
  };
}
