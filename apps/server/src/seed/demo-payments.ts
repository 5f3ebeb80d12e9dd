import type { Demo } from './demo-random.js';

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
