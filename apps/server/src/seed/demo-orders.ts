import {
  CustomerLifecycle,
  CustomerNature,
  CustomerTier,
  formatCents,
  lineAmountCents,
} from '@dossier/domain';
import type { Row } from './bulk-insert.js';
import type { DemoCustomer } from './demo-customers.js';
import { type Payer, paidCents, payerOf, paymentOf } from './demo-payments.js';
import { DEMO_CATEGORIES, DEMO_PRODUCTS, type DemoProduct } from './demo-products.js';
import { addDays, type Demo, latest, localDate } from './demo-random.js';

const YEAR = 365;
const DAY_MS = 86_400_000;

/** A customer that buys, and how: its size, its trend, its terms and its habits. */
interface Buyer {
  customer: DemoCustomer;
  /** Revenue of an average year, in yuan. */
  yearly: number;
  /** Revenue of the last 12 months against the 12 before: below 0.7 is a decline the risk rules report. */
  trend: number;
  first: Date;
  last: Date;
  /** Days from order to payment due (账期). */
  terms: number;
  payer: Payer;
  range: Array<DemoProduct & { id: string }>;
}

interface PlannedOrder {
  buyer: Buyer;
  at: Date;
  lines: Row[];
  totalCents: bigint;
}

const SIZE_BY_TIER = { [CustomerTier.IMPORTANT]: 4, [CustomerTier.SPECIAL]: 1.5, [CustomerTier.GENERAL]: 1 };
const SIZE_BY_NATURE: Partial<Record<CustomerNature, number>> = {
  [CustomerNature.INDIVIDUAL]: 0.15,
  [CustomerNature.GOVERNMENT]: 1.5,
};

/**
 * Lognormal sizes (σ 1.3) scaled by tier make a few customers most of the revenue, as in any B2B book.
 * Active customers mostly hold their level, an eighth of them decline; dormant ones (曾经交易) stopped
 * buying more than a year ago. Prospects have no orders yet.
 */
function buyerOf(demo: Demo, customer: DemoCustomer, products: Buyer['range']): Buyer | null {
  if (customer.lifecycle === CustomerLifecycle.PROSPECT) return null;
  const dormant = customer.lifecycle === CustomerLifecycle.DORMANT;
  const tier = customer.row.tier as CustomerTier;
  const size = demo.lognormal(1.3) * SIZE_BY_TIER[tier] * (SIZE_BY_NATURE[customer.nature] ?? 1);
  const first = latest(customer.createdAt, addDays(demo.calendarToday, -2 * YEAR));
  const stop = dormant ? addDays(demo.calendarToday, -demo.int(YEAR + 30, YEAR + 200)) : demo.calendarToday;
  const categories = demo.pickSome(DEMO_CATEGORIES, demo.int(2, 3));
  return {
    customer,
    yearly: 120_000 * size * (dormant ? 0.5 : 1),
    trend: dormant ? 0 : demo.chance(0.12) ? demo.float(0.15, 0.6) : demo.lognormal(0.25),
    first,
    last: stop > first ? stop : addDays(first, demo.int(10, 60)),
    terms: customer.nature === CustomerNature.GOVERNMENT ? 90 : demo.pick([30, 30, 45, 60, 60, 90]),
    payer: payerOf(demo),
    range: products.filter((p) => categories.includes(p.category)),
  };
}

/** A day of the buyer's window, in the last 12 months or the 12 before when the window has both. */
function orderDay(demo: Demo, buyer: Buyer, recent: boolean): Date {
  const yearStart = addDays(demo.calendarToday, -YEAR);
  let [from, to] = recent ? [latest(buyer.first, yearStart), buyer.last] : [buyer.first, yearStart];
  if (to <= from || buyer.last <= yearStart || buyer.first >= yearStart)
    [from, to] = [buyer.first, buyer.last];
  // `to` is a day like the others: its whole day is in the window, up to today.
  const day = Math.floor(demo.float(from.getTime(), to.getTime() + DAY_MS) / DAY_MS) * DAY_MS;
  return new Date(Math.min(day, demo.calendarToday.getTime()));
}

const DISCOUNTS = [
  ['0', 45],
  ['0.03', 15],
  ['0.05', 20],
  ['0.08', 10],
  ['0.10', 7],
  ['0.15', 3],
] as const;

/** One to five lines of the buyer's range adding up to about `target` yuan, with now and then a return. */
function planOrder(demo: Demo, buyer: Buyer, at: Date, target: number): PlannedOrder {
  const discount = demo.weighted(DISCOUNTS);
  const lines: Row[] = [];
  let totalCents = 0n;
  const count = demo.weighted([
    [1, 30],
    [2, 30],
    [3, 20],
    [4, 12],
    [5, 8],
  ] as const);
  const bought = new Set<string>();
  const line = (product: { id: string }, quantity: number, priceCents: number) => {
    const unitPrice = formatCents(BigInt(priceCents));
    totalCents += lineAmountCents(quantity, unitPrice, discount);
    lines.push({
      customer_id: buyer.customer.id,
      ordered_at: localDate(at),
      product_id: product.id,
      quantity,
      unit_price: unitPrice,
      discount,
    });
  };
  for (let n = 0; n < count; n += 1) {
    const share = target / count;
    const affordable = buyer.range.filter((p) => p.listPrice <= share * 1.2);
    const product = demo.pick(affordable.length ? affordable : buyer.range);
    if (bought.has(product.id)) continue;
    bought.add(product.id);
    const priceCents = Math.round(product.listPrice * demo.float(92, 105));
    const quantity = Math.min(5000, Math.max(1, Math.round((share * 100) / priceCents)));
    line(product, quantity, priceCents);
    // A return (退货) of part of a line: a negative line at the same price, never the whole order.
    if (quantity >= 2 && demo.chance(0.05)) line(product, -demo.int(1, quantity >> 1), priceCents);
  }
  return { buyer, at, lines, totalCents };
}

export interface DemoTrade {
  product: Row[];
  sales_order: Row[];
  order_line: Row[];
  payment: Row[];
}

/**
 * Two years of orders up to today for every customer past the prospect stage: the default ABC period and
 * the one before it, which movements and the revenue-decline rule compare with. Orders are numbered by date;
 * each order's total is left to SQL (the sum of its lines' generated amounts), its payment follows the
 * customer's payment habit.
 */
export function planTrade(demo: Demo, customers: DemoCustomer[]): DemoTrade {
  const products = DEMO_PRODUCTS.map((product) => ({ ...product, id: demo.id() }));
  const orders: PlannedOrder[] = [];
  for (const customer of customers) {
    const buyer = buyerOf(demo, customer, products);
    if (!buyer) continue;
    const years = (buyer.last.getTime() - buyer.first.getTime()) / DAY_MS / YEAR;
    const count = Math.min(60, Math.max(1, Math.round((3 + 4 * Math.sqrt(buyer.yearly / 120_000)) * years)));
    // The trend splits the orders between the two years exactly, so that only real decliners decline.
    const recent = Math.round((count * buyer.trend) / (1 + buyer.trend));
    for (let n = 0; n < count; n += 1) {
      const at = orderDay(demo, buyer, n < recent);
      orders.push(planOrder(demo, buyer, at, ((buyer.yearly * years) / count) * demo.lognormal(0.35)));
    }
  }
  orders.sort((a, b) => a.at.getTime() - b.at.getTime());
  const trade: DemoTrade = {
    product: products.map(({ id, sku, name, category }) => ({
      id,
      sku,
      name,
      category,
      created_at: addDays(demo.today, -3 * YEAR),
      updated_at: addDays(demo.today, -3 * YEAR),
    })),
    sales_order: [],
    order_line: [],
    payment: [],
  };
  orders.forEach(({ buyer, at, lines, totalCents }, n) => {
    const id = demo.id();
    const due = addDays(at, buyer.terms);
    trade.sales_order.push({
      id,
      number: `SO${localDate(at).replaceAll('-', '')}${String(n + 1).padStart(5, '0')}`,
      customer_id: buyer.customer.id,
      ordered_at: localDate(at),
      due_date: localDate(due),
      region: buyer.customer.row.region ?? null,
      rep_id: buyer.customer.ownerId,
      created_at: at,
      updated_at: at,
    });
    trade.order_line.push(...lines.map((line) => ({ order_id: id, ...line })));
    const paid = paidCents(demo, totalCents, due, demo.calendarToday, buyer.payer);
    const payment = paymentOf(demo, { id, at, due, n }, paid, buyer.payer);
    if (payment) trade.payment.push(payment);
  });
  return trade;
}
