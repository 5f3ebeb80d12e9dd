import { formatCents, parseMoney } from './money.js';

/**
 * How an order is settled (结算): its lines bill `total`, returns and discounts granted afterwards
 * (退赔折价) credit part of it back, payments (付款记录) pay the rest. All amounts are Decimal strings.
 */
export interface Settlement {
  total: string;
  returned: string;
  paid: string;
}

/**
 * What the customer still owes: total − returned − paid. Below zero when a return came after the order
 * was paid: the customer is owed a refund, which is not a receivable.
 */
export function openAmount({ total, returned, paid }: Settlement): string {
  return formatCents(parseMoney(total) - parseMoney(returned) - parseMoney(paid));
}

/** Why a new payment or return cannot be recorded against the order, or null when it can. */
export type SettlementProblem = 'NOT_POSITIVE' | 'OVERPAYS' | 'EXCEEDS_SALE';

/** A payment may settle what is billed less returns, never more: an overpayment is a typing error. */
export function paymentProblem(order: Settlement, amount: string): SettlementProblem | null {
  const cents = parseMoney(amount);
  if (cents <= 0n) return 'NOT_POSITIVE';
  const payable = parseMoney(order.total) - parseMoney(order.returned);
  return parseMoney(order.paid) + cents > payable ? 'OVERPAYS' : null;
}

/** Returns and discounts together may credit back at most what the order sold. */
export function returnProblem(order: Settlement, amount: string): SettlementProblem | null {
  const cents = parseMoney(amount);
  if (cents <= 0n) return 'NOT_POSITIVE';
  return parseMoney(order.returned) + cents > parseMoney(order.total) ? 'EXCEEDS_SALE' : null;
}
