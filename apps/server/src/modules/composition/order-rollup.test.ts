import { randomUUID } from 'node:crypto';
import { CompositionDimension, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { compositionFixtures } from './composition.fixtures.js';

// order_day_revenue is kept by triggers, and composition reads it for every dimension but products: after
// random writes of every kind, the rollup must equal what it sums, and each composition must equal the
// statement composition ran over the lines before the rollup existed, written out here.

const db = await testDatabase();
const build = builders(db.orm);
const fx = compositionFixtures(db.orm);
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  db.orm.em.fork().execute<T[]>(text, params);

const FROM = '2026-01-01';
const TO = '2026-06-30';

/** Per dimension, the key composition grouped the lines by before the rollup (joins included). */
const OLD_KEYS: Partial<Record<CompositionDimension, { join: string; key: string }>> = {
  [CompositionDimension.REGION]: {
    join: 'join sales_order o on o.id = l.order_id',
    key: `coalesce(o.region, c.region, '')`,
  },
  [CompositionDimension.NATURE]: { join: '', key: 'c.nature' },
  [CompositionDimension.MONTH]: { join: '', key: `to_char(l.ordered_at, 'YYYY-MM')` },
  [CompositionDimension.ABC_CLASS]: {
    join: 'join abc_grade g on g.customer_id = l.customer_id',
    key: 'g.class',
  },
};

/** The old statement for `by`, for the manager's visible customers (the pool and the book, old rule). */
async function before(by: CompositionDimension) {
  const { join, key } = OLD_KEYS[by] as { join: string; key: string };
  const holders = 'select ?::uuid union all select staff_id from staff_line where manager_id = ?';
  const rows = await sql<{ key: string; revenue: string; customers: number; orders: number }>(
    `select ${key} as key, sum(l.amount)::text as revenue, count(distinct l.customer_id)::int as customers,
            count(distinct l.order_id)::int as orders
     from order_revenue l join customer c on c.id = l.customer_id ${join}
     where l.ordered_at between ? and ?
       and (c.owner_id is null or c.owner_id in (${holders})
            or exists (select 1 from relationship r join key_person kp on kp.id = r.key_person_id
                       where kp.customer_id = c.id and r.staff_id in (${holders}))
            or exists (select 1 from project p where p.customer_id = c.id and p.owner_id in (${holders})))
     group by 1 order by sum(l.amount) desc, 1`,
    [FROM, TO, ...Array(6).fill(manager.id)],
  );
  return rows.map((row) => [row.key, row.revenue, row.customers, row.orders]);
}

async function now(by: CompositionDimension) {
  const result = await db.execute<{
    salesComposition: Array<{ key: string; revenue: string; customers: number; orders: number }>;
  }>(
    `query ($by: CompositionDimension!, $from: LocalDate, $to: LocalDate) {
      salesComposition(by: $by, from: $from, to: $to) { key revenue customers orders } }`,
    { by, from: FROM, to: TO },
    { viewer: manager },
  );
  expect(result.errors).toBeUndefined();
  return (result.data?.salesComposition ?? []).map((s) => [s.key, s.revenue, s.customers, s.orders]);
}

/** The rollup against what it sums, recomputed. */
async function expectRollupExact() {
  const stored = await sql(
    `select order_id, customer_id, ordered_at::text, region, amount::text, row_count
     from order_day_revenue order by 1, 2, 3`,
  );
  const computed = await sql(
    `select l.order_id, l.customer_id, l.ordered_at::text, o.region, sum(l.amount)::text as amount,
            count(*)::int as row_count
     from order_revenue l join sales_order o on o.id = l.order_id group by 1, 2, 3, 4 order by 1, 2, 3`,
  );
  expect(stored).toEqual(computed);
}

let manager: Staff;
let customers: Customer[];
let product: string;

beforeAll(async () => {
  manager = await build.staff({}, StaffRole.SALES_MANAGER);
  const rep = await build.staff({ manager: build.ref(Staff, manager) });
  const stranger = await build.staff();
  customers = [];
  for (const [i, owner] of [rep, stranger, null, rep, stranger, null].entries()) {
    customers.push(
      await build.customer({
        region: i % 3 ? `区${i % 2}` : null,
        owner: owner ? build.ref(Staff, owner) : null,
      }),
    );
  }
  product = await fx.product('Widget', 'Hardware');
});

describe('order_day_revenue and the composition that reads it', () => {
  it('stay equal to the lines and to the old statement after random writes of every kind', async () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const pick = <T>(items: readonly T[]) => items[next(items.length)] as T;
    const days = ['2025-12-31', '2026-01-01', '2026-02-14', '2026-06-30', '2026-07-01'];
    const regions = [null, '华东', '华北'];
    for (let round = 0; round < 50; round += 1) {
      const orders = await sql<{ id: string; customer_id: string; ordered_at: string }>(
        'select id, customer_id, ordered_at::text from sales_order order by id',
      );
      const lines = (await sql<{ id: string }>('select id from order_line order by id')).map((r) => r.id);
      const returns = (await sql<{ id: string }>('select id from order_return order by id')).map((r) => r.id);
      const line = () => ({
        productId: product,
        quantity: 1 + next(9),
        unitPrice: `${1 + next(500)}.${next(100)}`,
      });
      const newOrder = () => fx.order(pick(customers).id, pick(days), pick(regions), [line(), line()]);
      const writes = [
        newOrder,
        newOrder,
        newOrder,
        () =>
          orders.length &&
          sql('update sales_order set region = ? where id = ?', [pick(regions), pick(orders).id]),
        () => {
          const order = pick(orders);
          return (
            order &&
            sql(
              `insert into order_line (order_id, customer_id, ordered_at, product_id, quantity, unit_price)
               values (?, ?, ?, ?, ?, '12.34')`,
              [order.id, order.customer_id, order.ordered_at, product, 1 + next(5)],
            )
          );
        },
        () =>
          lines.length && sql('update order_line set quantity = quantity + 1 where id = ?', [pick(lines)]),
        () => lines.length && sql('delete from order_line where id = ?', [pick(lines)]),
        () => {
          const order = pick(orders);
          return (
            order &&
            sql(
              `insert into order_return (id, order_id, customer_id, ordered_at, returned_on, amount, reason)
               values (?, ?, ?, ?, ?, ?, 'damaged')`,
              [
                randomUUID(),
                order.id,
                order.customer_id,
                order.ordered_at,
                order.ordered_at,
                `${1 + next(50)}.50`,
              ],
            )
          );
        },
        () => returns.length && sql('delete from order_return where id = ?', [pick(returns)]),
        () => orders.length && sql('delete from sales_order where id = ?', [pick(orders).id]),
      ];
      await pick(writes)();
      await expectRollupExact();
      if (round % 10 === 9) {
        for (const by of Object.keys(OLD_KEYS) as CompositionDimension[]) {
          expect(await now(by)).toEqual(await before(by));
        }
      }
    }
    expect(await now(CompositionDimension.REGION)).not.toEqual([]);
  });

  it('is rebuilt from what remains when a source table is emptied', async () => {
    await sql('truncate order_return');
    await expectRollupExact();
    expect(await now(CompositionDimension.REGION)).toEqual(await before(CompositionDimension.REGION));
  });
});
