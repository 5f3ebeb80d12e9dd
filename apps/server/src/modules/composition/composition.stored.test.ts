import { randomUUID } from 'node:crypto';
import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { abcRankingIsCurrent, refreshAbcRankingIfStale } from '../abc/abc.ranking.js';
import type { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { compositionFixtures } from './composition.fixtures.js';

// salesComposition(by: REGION) over the stored revenue by region must answer what the order rows give, at
// every moment: while the stored ranking is current, and after every kind of write that moves revenue
// between regions (until the ranking is recomputed, the composition is computed from the order rows).

// Noon of 2026-06-30 in Beijing: the stored period is 2025-07-01..2026-06-30.
const db = await testDatabase({ clock: fixedClock('2026-06-30T04:00:00Z') });
const build = builders(db.orm);
const fx = compositionFixtures(db.orm);
const PERIOD = { from: '2025-07-01', to: '2026-06-30' };

let manager: Staff;
let admin: Staff;
let customers: Customer[];
/** Whom the manager sees: their rep's customers and the pool's. */
let managerSees: string[];
let product: string;

beforeAll(async () => {
  manager = await build.staff({}, StaffRole.SALES_MANAGER);
  admin = await build.staff({}, StaffRole.ADMIN);
  const rep = await build.staff({ manager: build.ref(Staff, manager) });
  const stranger = await build.staff();
  const owners = [rep, stranger, null, rep];
  customers = [];
  for (const [i, owner] of owners.entries()) {
    customers.push(
      await build.customer({
        region: i % 2 ? '华北' : null,
        owner: owner ? build.ref(Staff, owner) : null,
      }),
    );
  }
  managerSees = customers.filter((_, i) => owners[i] !== stranger).map((c) => c.id);
  product = await fx.product('Widget', 'Hardware');
  const line = (unitPrice: string) => [{ productId: product, quantity: 2, unitPrice }];
  const [a, b, c, d] = customers as [Customer, Customer, Customer, Customer];
  await fx.order(a.id, '2025-07-01', '华东', line('10.00'));
  await fx.order(a.id, '2026-01-15', null, line('20.50'));
  await fx.order(b.id, '2026-03-01', null, line('7.25'));
  await fx.order(c.id, '2026-06-30', '华北', line('100.00'));
  await fx.order(d.id, '2026-02-02', '华东', line('3.00'));
  await fx.order(d.id, '2025-06-30', '华东', line('999.00'));
});

type Slice = [key: string, revenue: string, share: number, customers: number, orders: number];

async function composition(viewer: Staff): Promise<Slice[]> {
  const result = await db.execute<{
    salesComposition: Array<{
      key: string;
      revenue: string;
      share: number;
      customers: number;
      orders: number;
    }>;
  }>(
    `query ($from: LocalDate, $to: LocalDate) {
      salesComposition(by: REGION, from: $from, to: $to) { key revenue share customers orders } }`,
    PERIOD,
    { viewer },
  );
  expect(result.errors).toBeUndefined();
  return (result.data?.salesComposition ?? []).map((s) => [s.key, s.revenue, s.share, s.customers, s.orders]);
}

/** The statement composition ran over the lines before any rollup, written out. */
async function fromLines(visible: readonly string[] | null): Promise<Slice[]> {
  const rows = await db.orm.em
    .fork()
    .execute<Array<{ key: string; revenue: string; share: number; customers: number; orders: number }>>(
      `select coalesce(o.region, c.region, '') as key, sum(l.amount)::text as revenue,
       coalesce(sum(l.amount) / nullif(sum(sum(l.amount)) over (), 0), 0)::float8 as share,
       count(distinct l.customer_id)::int as customers, count(distinct l.order_id)::int as orders
     from order_revenue l join customer c on c.id = l.customer_id join sales_order o on o.id = l.order_id
     where l.ordered_at between ? and ? and (?::uuid[] is null or c.id = any(?::uuid[]))
     group by 1 order by sum(l.amount) desc, 1`,
      [PERIOD.from, PERIOD.to, visible && `{${visible}}`, visible && `{${visible}}`],
    );
  return rows.map((s) => [s.key, s.revenue, s.share, s.customers, s.orders]);
}

async function expectAsFromLines() {
  expect(await composition(admin)).toEqual(await fromLines(null));
  expect(await composition(manager)).toEqual(await fromLines(managerSees));
}

const sql = (text: string, params: unknown[] = []) => db.orm.em.fork().execute(text, params);
const isCurrent = () => abcRankingIsCurrent(db.orm.em.fork(), db.clock);
const refresh = () => refreshAbcRankingIfStale(db.orm.em.fork(), db.clock);
const orderOf = (i: number) =>
  sql('select id from sales_order where customer_id = ? limit 1', [customers[i]?.id]);

describe('salesComposition by region from the stored ranking', () => {
  it('answers from the stored revenue by region while current', async () => {
    await refresh();
    await expectAsFromLines();
    expect(await composition(admin)).toEqual([
      ['华北', '214.50', expect.closeTo(214.5 / 281.5, 12), 2, 2],
      ['', '41.00', expect.closeTo(41 / 281.5, 12), 1, 1],
      ['华东', '26.00', expect.closeTo(26 / 281.5, 12), 2, 2],
    ]);
    // Stored figures altered by hand show through: they are what is read.
    await sql(`update abc_ranking_region set amount = amount + 1 where region = '华东'`);
    expect((await composition(admin)).find(([key]) => key === '华东')?.[1]).toBe('28.00');
    await fx.order(customers[0]?.id ?? '', '2026-04-01', '华东', [
      { productId: product, quantity: 1, unitPrice: '5.00' },
    ]);
    expect(await isCurrent()).toBe(false);
    await expectAsFromLines();
  });

  it.each([
    [
      'a new order',
      () =>
        fx.order(customers[2]?.id ?? '', '2026-05-05', '华东', [
          { productId: product, quantity: 3, unitPrice: '4.10' },
        ]),
    ],
    [
      'a line added to an order',
      async () => {
        const [order] = await orderOf(0);
        await sql(
          `insert into order_line (order_id, customer_id, ordered_at, product_id, quantity, unit_price)
           select id, customer_id, ordered_at, ?, 1, 1.50 from sales_order where id = ?`,
          [product, order?.id],
        );
      },
    ],
    [
      "an order's region",
      async () => sql(`update sales_order set region = '华南' where id = (?)`, [(await orderOf(1))[0]?.id]),
    ],
    [
      "a customer's region",
      () => sql(`update customer set region = '西北' where id = ?`, [customers[1]?.id]),
    ],
    [
      'a return',
      async () => {
        const [order] = await orderOf(3);
        await sql(
          `insert into order_return (id, order_id, customer_id, ordered_at, returned_on, amount, reason)
           select ?, id, customer_id, ordered_at, '2026-06-30', 1.00, 'damaged' from sales_order where id = ?`,
          [randomUUID(), order?.id],
        );
      },
    ],
    ['a deleted order', async () => sql('delete from sales_order where id = ?', [(await orderOf(2))[0]?.id])],
  ])('answers from the order rows after %s, until recomputed', async (_, write) => {
    await refresh();
    expect(await isCurrent()).toBe(true);
    await write();
    expect(await isCurrent()).toBe(false);
    await expectAsFromLines();
    expect(await refresh()).toBe(true);
    await expectAsFromLines();
  });
});
