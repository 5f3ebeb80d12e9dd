import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';

/** One customer of a test case, with its order lines as (date, signed amount); negative for returns. */
export interface TradingCustomer {
  id?: string;
  code: string;
  /** ISO timestamp; default long ago */
  createdAt?: string;
  lines?: Array<[day: string, amount: string]>;
}

const LONG_AGO = '2000-01-01T00:00:00Z';

/** A customer with one order line, for tables of customers. */
export const buyer = (code: string, day: string, amount: string): TradingCustomer => ({
  code,
  lines: [[day, amount]],
});

/**
 * Customers, orders and lines written in ONE statement (the property test loads hundreds of cases), each
 * line in its own order. A return is a line of quantity −1, as the trade module records one.
 */
export function abcFixtures(orm: MikroORM) {
  const execute = (sql: string, params: unknown[] = []) => orm.em.fork().execute(sql, params);

  return {
    /**
     * Empties customers and trade, the rollup and the snapshot; row by row, which is quicker than TRUNCATE
     * for the few rows of a case (and keeps the rollup through its delete trigger).
     */
    async reset() {
      for (const table of ['order_line', 'sales_order', 'analytics_snapshot', 'customer', 'product']) {
        await execute(`delete from ${table}`);
      }
    },

    async load(customers: readonly TradingCustomer[]): Promise<Map<string, string>> {
      const ids = new Map(customers.map((c) => [c.code, c.id ?? randomUUID()]));
      const rows = customers.map((c) => ({
        id: ids.get(c.code),
        code: c.code,
        created_at: c.createdAt ?? LONG_AGO,
      }));
      const lines = customers.flatMap((c) =>
        (c.lines ?? []).map(([day, amount]) => ({
          order_id: randomUUID(),
          customer_id: ids.get(c.code),
          day,
          quantity: amount.startsWith('-') ? -1 : 1,
          price: amount.replace(/^-/, ''),
        })),
      );
      await execute(
        `with product as (
           insert into product (id, sku, name) values (gen_random_uuid(), 'ABC-' || gen_random_uuid(), 'abc test')
           returning id),
         customers as (
           insert into customer (id, code, name, nature, created_at, updated_at)
           select id, code, code, 'COMPANY', created_at, created_at
           from jsonb_to_recordset(?::jsonb) as c(id uuid, code text, created_at timestamptz)
           returning id),
         lines as (select * from jsonb_to_recordset(?::jsonb)
                     as l(order_id uuid, customer_id uuid, day date, quantity int, price numeric)),
         orders as (
           insert into sales_order (id, number, customer_id, ordered_at, total)
           select order_id, 'ABC-' || order_id, customer_id, day, quantity * price from lines
           returning id)
         insert into order_line (order_id, customer_id, ordered_at, product_id, quantity, unit_price)
         select l.order_id, l.customer_id, l.day, p.id, l.quantity, l.price from lines l, product p`,
        [JSON.stringify(rows), JSON.stringify(lines)],
      );
      return ids;
    },
  };
}
