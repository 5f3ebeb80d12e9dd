import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';

export interface Line {
  productId: string;
  quantity: number;
  unitPrice: string;
  discount?: string;
}

/** Products and orders straight in SQL, each order's total the sum of its lines as every writer keeps it. */
export function compositionFixtures(orm: MikroORM) {
  const sql = (query: string, params: unknown[] = []) => orm.em.fork().execute(query, params);
  return {
    sql,
    product: async (name: string, category: string | null) => {
      const id = randomUUID();
      await sql('insert into product (id, sku, name, category) values (?, ?, ?, ?)', [
        id,
        `SKU-${id}`,
        name,
        category,
      ]);
      return id;
    },
    order: async (customerId: string, orderedAt: string, region: string | null, lines: Line[]) => {
      const id = randomUUID();
      await sql(
        `insert into sales_order (id, number, customer_id, ordered_at, region, paid_amount)
         values (?, ?, ?, ?, ?, 0)`,
        [id, `C-${id}`, customerId, orderedAt, region],
      );
      for (const line of lines) {
        await sql(
          `insert into order_line (order_id, customer_id, ordered_at, product_id, quantity, unit_price, discount)
           values (?, ?, ?, ?, ?, ?, ?)`,
          [id, customerId, orderedAt, line.productId, line.quantity, line.unitPrice, line.discount ?? '0'],
        );
      }
      await sql(
        `update sales_order set total = (select coalesce(sum(amount), 0) from order_line where order_id = ?)
         where id = ?`,
        [id, id],
      );
      return id;
    },
  };
}
