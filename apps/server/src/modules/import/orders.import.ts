import { randomUUID } from 'node:crypto';
import { formatCents, lineAmountCents, parseMoney } from '@dossier/domain';
import { recordCreates } from '../history/history.writer.js';
import { Order } from '../trade/order.entity.js';
import type { RowReader } from './import.cells.js';
import { LINE_FIELDS } from './import.columns.js';
import {
  customersByCode,
  type OrderRef,
  ordersByNumber,
  staffByKey,
  staffIdOf,
  takenOrderNumbers,
} from './import.lookups.js';
import {
  flagRepeats,
  type ImportPlan,
  type Parsed,
  type PlanContext,
  parseRows,
  present,
  problemsOf,
} from './import.plan.js';
import { arrayLiteral, CHUNK_ROWS, columnsOf, inChunks, unnest } from './import.sql.js';
import { type LineRecord, readLine, resolveProducts, writeLines } from './order-lines.import.js';
import { checkPayment, type PaymentRecord, writePayments } from './payments.import.js';

const HEADER_FIELDS = ['customerCode', 'orderedAt', 'dueDate', 'region', 'rep', 'paidAmount'] as const;

type OrderFields = Record<(typeof HEADER_FIELDS)[number], string | null> & { number: string | null };

interface OrderRecord extends OrderFields {
  id: string;
  reader: RowReader;
  customerId: string | null;
  repId: string | null;
}

function readOrder(r: RowReader, required: boolean): OrderFields {
  const fields = {
    number: r.required('orderNumber', 40),
    customerCode: required ? r.required('customerCode', 32) : r.text('customerCode', 32),
    orderedAt: r.date('orderedAt', required),
    dueDate: r.date('dueDate', false),
    region: r.text('region', 100),
    rep: r.text('rep', 254),
    paidAmount: r.amount('paidAmount'),
  };
  if (fields.dueDate && fields.orderedAt && fields.dueDate < fields.orderedAt) {
    r.fail('dueDate', 'must not be before the order date');
  }
  return fields;
}

/** The orders of the file by number; a later row of an order must repeat its first row or leave cells empty. */
function groupOrders(parsed: ReadonlyArray<Parsed<{ order: OrderFields; line: LineRecord | null }>>) {
  const orders = new Map<string, OrderRecord>();
  for (const { reader, record } of parsed) {
    const { order, line } = record;
    if (order.number === null) continue;
    const first = orders.get(order.number);
    if (!first) {
      orders.set(order.number, { ...order, id: randomUUID(), reader, customerId: null, repId: null });
    } else {
      for (const field of HEADER_FIELDS) {
        const contradicts = order[field] !== null && order[field] !== first[field];
        if (contradicts && !first.reader.failed(field)) {
          reader.fail(field, `differs from line ${first.reader.line} of order "${order.number}"`);
        }
      }
    }
    if (line) line.orderId = orders.get(order.number)?.id ?? null;
  }
  return orders;
}

/** Checks each order's customer (visible to the importer) and rep (any staff, past reps included). */
async function resolveOrders(context: PlanContext, orders: ReadonlyArray<OrderRecord>): Promise<void> {
  const customers = await customersByCode(
    context.em,
    context.viewer,
    present(orders.map((o) => o.customerCode)),
  );
  const reps = await staffByKey(context.em, present(orders.map((o) => o.rep)));
  for (const order of orders) {
    if (order.customerCode !== null) {
      order.customerId = customers.get(order.customerCode)?.id ?? null;
      if (!order.customerId) order.reader.fail('customerCode', `names no customer ("${order.customerCode}")`);
    }
    if (order.rep !== null) order.repId = staffIdOf(order.reader, 'rep', reps.get(order.rep), false);
  }
}

/**
 * What was paid of a new order becomes one payment on the order date (as the migration did with paid
 * amounts kept before payments were recorded); it may not exceed the total of the order's lines in the file.
 */
function openingPayments(
  orders: ReadonlyArray<OrderRecord>,
  lines: ReadonlyArray<LineRecord>,
): PaymentRecord[] {
  const totals = new Map<string | null, bigint>();
  for (const { orderId, quantity, unitPrice, discount } of lines) {
    if (quantity === null || unitPrice === null || discount === null) continue;
    totals.set(orderId, (totals.get(orderId) ?? 0n) + lineAmountCents(quantity, unitPrice, discount));
  }
  const payments: PaymentRecord[] = [];
  for (const order of orders) {
    const { paidAmount, number } = order;
    if (paidAmount === null || number === null || parseMoney(paidAmount) === 0n) continue;
    const total = formatCents(totals.get(order.id) ?? 0n);
    checkPayment(order.reader, 'paidAmount', { number, total, returned: '0.00', paid: '0.00' }, paidAmount);
    payments.push({
      orderId: order.id,
      amount: paidAmount,
      paidOn: order.orderedAt,
      method: null,
      note: null,
    });
  }
  return payments;
}

/**
 * New orders, one per row, or one per order number when the file has line columns (each row then a line).
 * An order's total is the sum of its lines, set by PostgreSQL after the lines are in; a paid amount is a payment.
 */
export async function planOrders(context: PlanContext): Promise<ImportPlan> {
  const withLines = LINE_FIELDS.some((field) => context.map.columns.has(field));
  const seen = new Set<string>();
  const parsed = parseRows(context, (r) => {
    const number = r.raw('orderNumber');
    const firstRow = !seen.has(number);
    seen.add(number);
    // Merged cells: only an order's first row must carry its customer and date.
    return { order: readOrder(r, !withLines || firstRow), line: withLines ? readLine(r) : null };
  });
  if (!withLines) flagRepeats(parsed, 'orderNumber', (record) => record.order.number);
  const orders = [...groupOrders(parsed).values()];
  const taken = await takenOrderNumbers(context.em, present(orders.map((order) => order.number)));
  for (const { reader, record } of parsed) {
    if (record.order.number !== null && taken.has(record.order.number)) {
      reader.fail('orderNumber', `"${record.order.number}" already exists`);
    }
  }
  await resolveOrders(context, orders);
  const lines = parsed.flatMap(({ reader, record }) =>
    record.line ? [{ reader, record: record.line }] : [],
  );
  const products = await resolveProducts(context, lines);
  const payments = openingPayments(
    orders,
    lines.map((line) => line.record),
  );
  return {
    problems: problemsOf(parsed),
    counts: {
      orders: orders.length,
      orderLines: lines.length,
      products: products.length,
      payments: payments.length,
    },
    write: async (em, batch, progress) => {
      progress.phase('writing orders', orders.length);
      await inChunks(orders, progress, async (chunk) => {
        const rows = unnest(
          columnsOf(chunk, {
            id: ['uuid', (o) => o.id],
            number: ['text', (o) => o.number],
            customer_id: ['uuid', (o) => o.customerId],
            ordered_at: ['date', (o) => o.orderedAt],
            due_date: ['date', (o) => o.dueDate],
            region: ['text', (o) => o.region],
            rep_id: ['uuid', (o) => o.repId],
          }),
        );
        // An order without a region of its own is sold in its customer's.
        const insert = `insert into sales_order (${rows.columns})
          select u.id, u.number, u.customer_id, u.ordered_at, u.due_date, coalesce(u.region, c.region), u.rep_id
          from ${rows.from} join customer c on c.id = u.customer_id`;
        await em.execute(insert, rows.params);
      });
      const records = lines.map((line) => line.record);
      if (records.length > 0)
        await writeLines(em, batch, { products, lines: records, existingOrders: false }, progress);
      // Recorded once the totals are in, so the history shows each order as it was created, lines and all;
      // its opening payments follow as payments of their own, as recordPayment would write them.
      for (let start = 0; start < orders.length; start += CHUNK_ROWS) {
        const ids = orders.slice(start, start + CHUNK_ROWS).map((order) => order.id);
        const created = 'select * from sales_order where id = any(?::uuid[])';
        await recordCreates(em, batch, { entity: Order, created, params: [arrayLiteral(ids)] });
      }
      if (payments.length > 0) await writePayments(em, payments, batch, progress);
    },
  };
}

type NumberedLine = Parsed<{ number: string | null; line: LineRecord }>;

/**
 * Return lines (negative quantities) may not leave an order worth less than what was paid for it and
 * credited back: payments never exceed the total less returns. Each return line of such an order fails.
 */
function refuseUnsettling(parsed: readonly NumberedLine[], orders: Map<string, OrderRef>): void {
  const totals = new Map<string, bigint>();
  for (const { record } of parsed) {
    const order = record.number === null ? undefined : orders.get(record.number);
    const { quantity, unitPrice, discount } = record.line;
    if (!order || quantity === null || unitPrice === null || discount === null) continue;
    const before = totals.get(order.id) ?? parseMoney(order.total);
    totals.set(order.id, before + lineAmountCents(quantity, unitPrice, discount));
  }
  for (const { reader, record } of parsed) {
    const order = record.number === null ? undefined : orders.get(record.number);
    const total = order && totals.get(order.id);
    if (!order || total === undefined || (record.line.quantity ?? 0) >= 0) continue;
    const settled = parseMoney(order.paid) + parseMoney(order.returned);
    if (total < settled) {
      reader.fail(
        'quantity',
        `would lower order "${record.number}" to ${formatCents(total)}, below the ${formatCents(settled)} paid and returned`,
      );
    }
  }
}

/** Lines added to orders that exist and that the importer may see; their totals follow. */
export async function planOrderLines(context: PlanContext): Promise<ImportPlan> {
  const parsed = parseRows(context, (r) => ({ number: r.required('orderNumber', 40), line: readLine(r) }));
  const orders = await ordersByNumber(
    context.em,
    context.viewer,
    present(parsed.map(({ record }) => record.number)),
  );
  for (const { reader, record } of parsed) {
    if (record.number === null) continue;
    record.line.orderId = orders.get(record.number)?.id ?? null;
    if (!record.line.orderId) reader.fail('orderNumber', `names no order ("${record.number}")`);
  }
  refuseUnsettling(parsed, orders);
  const lines = parsed.map(({ reader, record }) => ({ reader, record: record.line }));
  const products = await resolveProducts(context, lines);
  return {
    problems: problemsOf(parsed),
    counts: { orderLines: lines.length, products: products.length },
    write: (em, batch, progress) =>
      writeLines(
        em,
        batch,
        { products, lines: lines.map((line) => line.record), existingOrders: true },
        progress,
      ),
  };
}
