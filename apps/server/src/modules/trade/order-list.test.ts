import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { expectBadInput, idsBySql, rootListQuery, walkRootList } from '../../../test/connections.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { encodeCursor } from '../../core/pagination/cursor.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import { Order } from './order.entity.js';
import { OrderReturn } from './order-return.entity.js';
import type { Product } from './product.entity.js';
import { bulkTrade, tradeFixtures } from './trade.fixtures.js';

const db = await testDatabase({ clock: fixedClock('2026-11-20T02:00:00Z') });
const build = builders(db.orm);
const trade = tradeFixtures(db.orm);
const LIST = rootListQuery('orders', 'OrderFilter', 'OrderOrder');
let viewer: Staff;
let east: Customer;
let laptop: Product;

/**
 * Seven orders at two customers: settled, partly paid, settled by a return, overpaid (a refund due), an
 * order with no lines; shared dates and shared totals, so ties are broken by id.
 */
beforeAll(async () => {
  viewer = await build.staff({}, StaffRole.ADMIN);
  east = await build.customer({ name: '华东客户' });
  const north = await build.customer({ name: '华北客户' });
  laptop = await trade.product({ name: '笔记本', category: '电子' });
  const phone = await trade.product({ name: '手机', category: '电子' });
  const paper = await trade.product({ name: '纸', category: '办公' });
  const misc = await trade.product({ name: '杂项', category: null });
  const line = (product: Product, quantity: number, unitPrice: string) => ({ product, quantity, unitPrice });

  await trade.order(east, {
    orderedAt: '2026-01-10',
    lines: [line(laptop, 2, '100.00')],
    paidAmount: '200.00',
  });
  await trade.order(east, { orderedAt: '2026-01-10', lines: [line(paper, 1, '50.00')] });
  await trade.order(east, {
    orderedAt: '2026-02-01',
    lines: [line(laptop, 1, '100.00'), line(paper, 1, '100.00')],
    paidAmount: '50.00',
  });
  const returned = await trade.order(north, {
    orderedAt: '2026-02-15',
    lines: [line(phone, 1, '200.00')],
    paidAmount: '100.00',
  });
  const em = db.orm.em.fork();
  const order = await em.findOneOrFail(Order, returned.id);
  await em.persist(new OrderReturn(order, '2026-02-20', '100.00', '质量问题')).flush();
  await trade.order(north, { orderedAt: '2026-03-01', lines: [line(misc, 3, '10.00')], paidAmount: '40.00' });
  await trade.order(north, { orderedAt: '2026-03-31', lines: [line(phone, 1, '50.00')] });
  await trade.order(east, { orderedAt: '2026-04-01' });
});

/** What is still to pay, from the payments and returns themselves rather than the sums the triggers keep. */
const OPEN = `(o.total
  - (select coalesce(sum(p.amount), 0) from payment p where p.order_id = o.id)
  - (select coalesce(sum(r.amount), 0) from order_return r where r.order_id = o.id))`;

const hasLine = (condition: string) =>
  `exists (select 1 from order_line l left join product pr on pr.id = l.product_id where l.order_id = o.id and ${condition})`;

const bySql = (where: string, params: unknown[] = [], orderBy = 'o.ordered_at desc, o.id desc') =>
  idsBySql(db, 'Order', `select o.id from sales_order o where ${where} order by ${orderBy}`, params);

describe('orders filters, each against SQL, walked two at a time', () => {
  it.each<[string, Record<string, unknown>, string, number]>([
    ['from a day on', { orderedFrom: '2026-02-01' }, `o.ordered_at >= date '2026-02-01'`, 5],
    ['up to a day', { orderedTo: '2026-02-01' }, `o.ordered_at <= date '2026-02-01'`, 3],
    [
      'within dates',
      { orderedFrom: '2026-02-01', orderedTo: '2026-03-01' },
      `o.ordered_at between date '2026-02-01' and date '2026-03-01'`,
      3,
    ],
    ['a category', { category: '电子' }, hasLine(`pr.category = '电子'`), 4],
    [
      'a category within dates',
      { category: '办公', orderedFrom: '2026-02-01' },
      `o.ordered_at >= date '2026-02-01' and ${hasLine(`pr.category = '办公'`)}`,
      1,
    ],
    ['still to pay', { openOnly: true }, `${OPEN} > 0`, 3],
    ['settled or refund due', { openOnly: false }, `${OPEN} <= 0`, 4],
    [
      'still to pay, electronics',
      { openOnly: true, category: '电子' },
      `${OPEN} > 0 and ${hasLine(`pr.category = '电子'`)}`,
      2,
    ],
  ])('%s', async (_name, filter, where, count) => {
    const expected = await bySql(where);
    expect(expected).toHaveLength(count);
    expect(await walkRootList(db, viewer, 'orders', LIST, { filter }, 2)).toEqual({
      ids: expected,
      totalCount: count,
    });
  });

  it('answers the orders themselves, with the sums the database keeps', async () => {
    const result = await db.execute(
      `{ orders(filter: { orderedFrom: "2026-02-15", orderedTo: "2026-02-15" }) {
        nodes { orderedAt total paidAmount returnedAmount openAmount customer { name } }
      } }`,
      {},
      { viewer },
    );
    expect(result.data).toEqual({
      orders: {
        nodes: [
          {
            orderedAt: '2026-02-15',
            total: '200.00',
            paidAmount: '100.00',
            returnedAmount: '100.00',
            openAmount: '0.00',
            customer: { name: '华北客户' },
          },
        ],
      },
    });
  });

  it('keeps one customer’s orders, and those with a product', async () => {
    const customers = await bySql('o.customer_id = ?', [east.id]);
    expect(customers).toHaveLength(4);
    const byCustomer = { filter: { customerId: toGlobalId('Customer', east.id) } };
    expect((await walkRootList(db, viewer, 'orders', LIST, byCustomer, 2)).ids).toEqual(customers);
    const products = await bySql(hasLine('l.product_id = ?'), [laptop.id]);
    expect(products).toHaveLength(2);
    const byProduct = { filter: { productId: toGlobalId('Product', laptop.id) } };
    expect((await walkRootList(db, viewer, 'orders', LIST, byProduct, 1)).ids).toEqual(products);
  });
});

describe('orders sorted, each against SQL, walked two at a time', () => {
  it.each<[string, string, string]>([
    ['ORDERED_AT', 'ASC', 'o.ordered_at asc, o.id asc'],
    ['ORDERED_AT', 'DESC', 'o.ordered_at desc, o.id desc'],
    ['TOTAL', 'ASC', 'o.total asc, o.id asc'],
    ['TOTAL', 'DESC', 'o.total desc, o.id desc'],
    ['OPEN_AMOUNT', 'ASC', `${OPEN} asc, o.id asc`],
    ['OPEN_AMOUNT', 'DESC', `${OPEN} desc, o.id desc`],
  ])('%s %s', async (field, direction, orderBy) => {
    const expected = await bySql('true', [], orderBy);
    expect(expected).toHaveLength(7);
    const walked = await walkRootList(db, viewer, 'orders', LIST, { orderBy: { field, direction } }, 2);
    expect(walked.ids).toEqual(expected);
  });
});

describe('orders refuses', () => {
  const someId = '00000000-0000-4000-8000-000000000000';
  it.each<[string, Record<string, unknown>, string]>([
    [
      'dates ending before they start',
      { filter: { orderedFrom: '2026-03-02', orderedTo: '2026-03-01' } },
      'filter.orderedTo',
    ],
    [
      'a customer id as product',
      { filter: { productId: toGlobalId('Customer', someId) } },
      'filter.productId',
    ],
    [
      'a product id as customer',
      { filter: { customerId: toGlobalId('Product', someId) } },
      'filter.customerId',
    ],
    ['an overlong category', { filter: { category: 'x'.repeat(101) } }, 'filter.category'],
    ['a negative page size', { first: -1 }, 'first'],
    [
      'a date cursor on the total sort',
      {
        after: encodeCursor({ value: '2026-01-10', id: someId }),
        orderBy: { field: 'TOTAL', direction: 'ASC' },
      },
      'after',
    ],
    ['a total cursor on the date sort', { after: encodeCursor({ value: '200.00', id: someId }) }, 'after'],
  ])('%s with BAD_USER_INPUT', async (_name, variables, field) => {
    expectBadInput(await db.execute(LIST, variables, { viewer }), field);
  });

  it('anonymous callers with UNAUTHENTICATED', async () => {
    const result = await db.execute(LIST, {});
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('orders batches nested fields', () => {
  it('costs the same statements for a page of 10 as of 50', async () => {
    await bulkTrade(db.orm, 30, 2);
    const NESTED = `query ($first: Int) {
      orders(first: $first, filter: { category: "测试" }) {
        nodes { number openAmount customer { name } rep { name } lines { quantity product { name } } payments { amount } }
      }
    }`;
    type Nested = { orders: { nodes: Array<{ openAmount: string; lines: unknown[] }> } };
    const measure = async (first: number) => {
      let nodes: Nested['orders']['nodes'] = [];
      const statements = await db.captureSql(async () => {
        const result = await db.execute<Nested>(NESTED, { first }, { viewer });
        expect(result.errors).toBeUndefined();
        nodes = result.data?.orders.nodes ?? [];
      });
      return { nodes, statements };
    };
    const [small, large] = [await measure(10), await measure(50)];
    expect(small.nodes).toHaveLength(10);
    expect(large.nodes).toHaveLength(50);
    expect(large.nodes[49]).toMatchObject({
      openAmount: '20.00',
      lines: [
        { quantity: 1, product: { name: '批量商品' } },
        { quantity: 2, product: { name: '批量商品' } },
      ],
    });
    expect(large.statements.length).toBe(small.statements.length);
  });
});
