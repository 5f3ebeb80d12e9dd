import { ref } from '@mikro-orm/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { Customer } from '../customer/customer.entity.js';
import { Order } from '../trade/order.entity.js';
import { OrderLine } from '../trade/order-line.entity.js';
import { Product } from '../trade/product.entity.js';
import { abcFixtures } from './abc.fixtures.js';

// customer_day_revenue must always equal order lines less returns (the order_revenue view) summed per customer
// and ORDER day, whatever writes the lines and returns.

const db = await testDatabase();
const fixtures = abcFixtures(db.orm);
const sql = (text: string, params: unknown[] = []) => db.orm.em.fork().execute(text, params);

/** The rollup, and what it should be, as comparable rows. */
async function rollupAndTruth() {
  const [rollup, truth] = await Promise.all([
    sql(`select customer_id, day::text, cents::text, line_count from customer_day_revenue order by 1, 2`),
    sql(`select customer_id, ordered_at::text as day, sum((amount * 100)::bigint)::text as cents,
           count(*)::int as line_count
         from order_revenue group by 1, 2 order by 1, 2`),
  ]);
  return { rollup, truth };
}

async function expectInStep(rows: number) {
  const { rollup, truth } = await rollupAndTruth();
  expect(rollup).toEqual(truth);
  expect(rollup).toHaveLength(rows);
}

beforeEach(async () => {
  await fixtures.reset();
  await fixtures.load([
    {
      code: 'R1',
      lines: [
        ['2026-01-01', '10.00'],
        ['2026-01-01', '-2.50'],
        ['2026-01-02', '7.00'],
      ],
    },
    { code: 'R2', lines: [['2026-01-01', '1.00']] },
  ]);
  await sql(RETURN_OF_SEVEN);
});

/** A discount of 3.00 on R1's order of 2026-01-02, granted a month later: it counts on the order's day. */
const RETURN_OF_SEVEN = `insert into order_return (id, order_id, customer_id, ordered_at, returned_on, amount, reason)
  select gen_random_uuid(), order_id, customer_id, ordered_at, '2026-02-02', 3.00, '折价'
  from order_line where unit_price = 7`;

describe('the daily revenue rollup', () => {
  it('adds inserted lines, negative lines and returns netted, one row per customer and order day', async () => {
    await expectInStep(3);
    expect(
      await sql(`select day::text, cents::text, line_count from customer_day_revenue order by cents`),
    ).toEqual([
      { day: '2026-01-01', cents: '100', line_count: 1 },
      { day: '2026-01-02', cents: '400', line_count: 2 },
      { day: '2026-01-01', cents: '750', line_count: 2 },
    ]);
  });

  it.each([
    ['a changed quantity', `update order_line set quantity = 3 where unit_price = 7`, 3],
    [
      'a line moved to another day',
      `update order_line set ordered_at = '2026-02-01' where unit_price = 1`,
      3,
    ],
    [
      'lines moved to another customer',
      `update order_line set customer_id = (select id from customer where code = 'R2')
       where customer_id = (select id from customer where code = 'R1') and ordered_at = '2026-01-01'`,
      2,
    ],
    ['a deleted line', `delete from order_line where unit_price = 2.5`, 3],
    [
      'a whole day of lines deleted, its return staying',
      `delete from order_line where ordered_at = '2026-01-02'`,
      3,
    ],
    ['orders deleted with their lines', `delete from sales_order`, 0],
    [
      'lines and their orders deleted in one statement',
      `with l as (delete from order_line) delete from sales_order`,
      0,
    ],
    ['a truncated order_line, the returns staying', `truncate order_line`, 1],
    ['a truncated order_return', `truncate order_return`, 3],
    ['a second return', RETURN_OF_SEVEN, 3],
    ['a return that nets its day to 0', `update order_return set amount = 7.00`, 3],
    ['a deleted return', `delete from order_return`, 3],
    [
      'a return and its line deleted in one statement',
      `with r as (delete from order_return) delete from order_line where unit_price = 7`,
      2,
    ],
    ['an update changing nothing', `update order_line set product_id = product_id`, 3],
  ])('follows %s', async (_case, statement, rows) => {
    await sql(statement);
    await expectInStep(rows);
  });

  it('follows lines written through the ORM', async () => {
    const em = db.orm.em.fork();
    const customer = await em.findOneOrFail(Customer, { code: 'R2' });
    const product = new Product('ROLL-1', 'rollup');
    const order = new Order('ROLL-1', ref(customer), '2026-03-03');
    em.persist([product, order, new OrderLine(order, ref(product), 2, '4.25', '0.1')]);
    await em.flush();
    await expectInStep(4);
    expect(await sql(`select cents::text from customer_day_revenue where day = '2026-03-03'`)).toEqual([
      { cents: '765' },
    ]);
  });

  it('refuses to go out of step: a line the rollup never saw cannot be taken away', async () => {
    await sql(`delete from customer_day_revenue where day = '2026-01-02'`);
    await expect(sql(`delete from order_return`)).rejects.toThrow(
      'customer_day_revenue is out of step with order_return',
    );
  });
});
