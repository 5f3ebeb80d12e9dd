import { randomUUID } from 'node:crypto';
import { addMoney, lineAmount } from '@dossier/domain';
import { ref } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { insertRows, type Row } from '../../seed/bulk-insert.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { Order } from './order.entity.js';
import { OrderLine } from './order-line.entity.js';
import { Payment } from './payment.entity.js';
import { Product } from './product.entity.js';

export interface LineSpec {
  product: Product;
  quantity: number;
  unitPrice: string;
  discount?: string;
}

export interface OrderSpec {
  /** A chosen primary key, e.g. to name the order before it exists. */
  id?: string;
  orderedAt: string;
  number?: string;
  dueDate?: string | null;
  region?: string | null;
  rep?: Staff | null;
  /** paid in one payment on the order date */
  paidAmount?: string;
  lines?: LineSpec[];
}

const unique = () => randomUUID().slice(0, 8);

/** Trade test data through the ORM: each order's total is the sum of its lines, as every writer keeps it. */
export function tradeFixtures(orm: MikroORM) {
  return {
    product: async (extra: Partial<Product> = {}) => {
      const product = Object.assign(new Product(`SKU-${unique()}`, `商品${unique()}`), extra);
      await orm.em.fork().persist(product).flush();
      return product;
    },

    order: async (customer: Customer, spec: OrderSpec) => {
      const em = orm.em.fork();
      const order = new Order(
        spec.number ?? `O-${unique()}`,
        em.getReference(Customer, customer.id, { wrapped: true }),
        spec.orderedAt,
      );
      if (spec.id) order.id = spec.id;
      Object.assign(order, {
        dueDate: spec.dueDate ?? null,
        region: spec.region ?? null,
        rep: spec.rep ? em.getReference(Staff, spec.rep.id, { wrapped: true }) : null,
      });
      const lines = (spec.lines ?? []).map(
        (line) =>
          new OrderLine(
            order,
            em.getReference(Product, line.product.id, { wrapped: true }),
            line.quantity,
            line.unitPrice,
            line.discount,
          ),
      );
      order.total = addMoney(
        '0.00',
        ...lines.map((line) => lineAmount(line.quantity, line.unitPrice, line.discount)),
      );
      // What was paid, as one payment on the order date; the database sums it into paidAmount.
      const payments = spec.paidAmount ? [new Payment(ref(order), spec.orderedAt, spec.paidAmount)] : [];
      await em.persist([order, ...lines, ...payments]).flush();
      if (payments.length > 0) await em.refresh(order);
      return order;
    },
  };
}

const pad = (i: number) => String(i).padStart(4, '0');

/**
 * `count` customers named A-0000… (sorting before anything else), each with `orders` orders of two lines on
 * one shared product, 30.00, paid 10.00. Plain bulk inserts, one per table: quick, and no history.
 */
export async function bulkTrade(orm: MikroORM, count: number, orders: number) {
  const em = orm.em.fork();
  const product = { id: randomUUID(), sku: `BULK-${unique()}`, name: '批量商品', category: '测试' };
  const customers: Row[] = [];
  const salesOrders: Row[] = [];
  const lines: Row[] = [];
  const payments: Row[] = [];
  for (let c = 0; c < count; c++) {
    const customerId = randomUUID();
    customers.push({ id: customerId, code: `BT-${unique()}`, name: `A-${pad(c)}`, nature: 'COMPANY' });
    for (let o = 0; o < orders; o++) {
      const orderedAt = `2025-0${1 + (o % 9)}-1${o % 10}`;
      const orderId = randomUUID();
      salesOrders.push({
        id: orderId,
        number: `BT-${unique()}-${o}`,
        customer_id: customerId,
        ordered_at: orderedAt,
        total: '30.00',
      });
      payments.push({ id: randomUUID(), order_id: orderId, paid_on: orderedAt, amount: '10.00' });
      for (const quantity of [1, 2]) {
        lines.push({
          order_id: orderId,
          customer_id: customerId,
          ordered_at: orderedAt,
          product_id: product.id,
          quantity,
          unit_price: '10.00',
        });
      }
    }
  }
  await em.transactional(async (tx) => {
    await insertRows(tx, 'product', [product]);
    await insertRows(tx, 'customer', customers);
    await insertRows(tx, 'sales_order', salesOrders);
    await insertRows(tx, 'order_line', lines);
    await insertRows(tx, 'payment', payments);
  });
}
