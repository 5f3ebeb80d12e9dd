import { randomUUID } from 'node:crypto';
import { ChangeAction } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type ChangeBatch, recordChanges, STAMP, stampParams } from '../history/history.writer.js';
import { Order } from '../trade/order.entity.js';
import type { RowReader } from './import.cells.js';
import { productsBySku } from './import.lookups.js';
import type { Parsed, PlanContext, Progress } from './import.plan.js';
import { arrayLiteral, CHUNK_ROWS, columnsOf, inChunks, unnest } from './import.sql.js';

export interface LineRecord {
  orderId: string | null;
  sku: string | null;
  productName: string | null;
  category: string | null;
  quantity: number | null;
  unitPrice: string | null;
  discount: string | null;
  productId: string | null;
}

export interface NewProduct {
  id: string;
  sku: string;
  name: string;
  category: string | null;
  line: number;
}

/** The line columns of a row: a negative quantity is a return (退货). */
export function readLine(r: RowReader): LineRecord {
  return {
    orderId: null,
    sku: r.required('sku', 64),
    productName: r.text('productName', 200),
    category: r.text('category', 100),
    quantity: r.quantity('quantity'),
    unitPrice: r.amount('unitPrice', true),
    discount: r.discount('discount'),
    productId: null,
  };
}

/**
 * Finds each line's product by SKU; an unknown SKU becomes a new product when the file names it (the first
 * row naming it decides name and category). A SKU the file never names is a problem of each of its rows.
 */
export async function resolveProducts(
  context: PlanContext,
  lines: ReadonlyArray<Parsed<LineRecord>>,
): Promise<NewProduct[]> {
  const skus = lines.flatMap(({ record }) => (record.sku === null ? [] : [record.sku]));
  const existing = await productsBySku(context.em, skus);
  const created = new Map<string, NewProduct>();
  for (const { reader, record } of lines) {
    if (record.sku === null || existing.has(record.sku) || record.productName === null) continue;
    const known = created.get(record.sku);
    if (!known) {
      const { sku, productName: name, category } = record;
      created.set(sku, { id: randomUUID(), sku, name, category, line: reader.line });
    } else if (known.name !== record.productName) {
      reader.fail('productName', `differs from line ${known.line} for SKU "${record.sku}"`);
    }
  }
  const nameColumn = context.map.columns.has('productName');
  for (const { reader, record } of lines) {
    if (record.sku === null) continue;
    record.productId = existing.get(record.sku) ?? created.get(record.sku)?.id ?? null;
    if (record.productId === null) {
      reader.fail(
        'sku',
        `"${record.sku}" names no product; ${nameColumn ? 'give' : 'add a column with'} its name to create it`,
      );
    }
  }
  return [...created.values()];
}

async function writeProducts(em: EntityManager, products: readonly NewProduct[], progress: Progress) {
  progress.phase('writing products', products.length);
  await inChunks(products, progress, async (chunk) => {
    const rows = unnest(
      columnsOf(chunk, {
        id: ['uuid', (p) => p.id],
        sku: ['text', (p) => p.sku],
        name: ['text', (p) => p.name],
        category: ['text', (p) => p.category],
      }),
    );
    await em.execute(`insert into product (${rows.columns}) select * from ${rows.from}`, rows.params);
  });
}

/**
 * Sets each order's total to the sum of ALL its lines. Orders that existed before get a new version, so an
 * editor holding the old one meets a conflict instead of overwriting the total, and an UPDATE of their total
 * in the history (new orders record their CREATE once complete). `old` is the target table once more: in
 * UPDATE … FROM it reads the row as it was before the statement.
 */
async function setTotals(
  em: EntityManager,
  batch: ChangeBatch,
  orderIds: ReadonlyArray<string | null>,
  existingOrders: boolean,
) {
  const bump = existingOrders ? ', version = o.version + 1, updated_at = stamp.at' : '';
  const history = recordChanges({
    meta: em.getMetadata(Order),
    action: ChangeAction.UPDATE,
    rows: 'totalled',
    values: { total: ['r.total_before', 'r.total'] },
  });
  for (let start = 0; start < orderIds.length; start += CHUNK_ROWS) {
    const rows = await em.execute<Array<{ customer_id: string }>>(
      `with ${STAMP},
       totalled as (
         update sales_order o set total = s.total${bump}
         from stamp, sales_order old,
              (select order_id, sum(amount) as total from order_line
               where order_id = any(?::uuid[]) group by order_id) s
         where o.id = s.order_id and old.id = o.id
         returning o.id, o.customer_id, old.total as total_before, o.total
       )${existingOrders ? `,\n${history}` : ''}
       select distinct customer_id from totalled`,
      [...stampParams(batch), arrayLiteral(orderIds.slice(start, start + CHUNK_ROWS))],
    );
    batch.touched(rows.map((row) => row.customer_id));
  }
}

/**
 * Writes new products, then the lines (each copying its order's customer and date, as the fact table wants),
 * then the orders' totals.
 */
export async function writeLines(
  em: EntityManager,
  batch: ChangeBatch,
  {
    products,
    lines,
    existingOrders,
  }: { products: NewProduct[]; lines: LineRecord[]; existingOrders: boolean },
  progress: Progress,
): Promise<void> {
  if (products.length > 0) await writeProducts(em, products, progress);
  progress.phase('writing order lines', lines.length);
  await inChunks(lines, progress, async (chunk) => {
    const rows = unnest(
      columnsOf(chunk, {
        order_id: ['uuid', (l) => l.orderId],
        product_id: ['uuid', (l) => l.productId],
        quantity: ['int', (l) => l.quantity],
        unit_price: ['numeric', (l) => l.unitPrice],
        discount: ['numeric', (l) => l.discount],
      }),
    );
    await em.execute(
      `insert into order_line (order_id, customer_id, ordered_at, product_id, quantity, unit_price, discount)
       select u.order_id, o.customer_id, o.ordered_at, u.product_id, u.quantity, u.unit_price, u.discount
       from ${rows.from} join sales_order o on o.id = u.order_id`,
      rows.params,
    );
  });
  await setTotals(em, batch, [...new Set(lines.map((line) => line.orderId))], existingOrders);
}
