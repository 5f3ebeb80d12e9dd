import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import type { Order } from './order.entity.js';
import type { Product } from './product.entity.js';
import { bulkTrade, tradeFixtures } from './trade.fixtures.js';

const db = await testDatabase();
const build = builders(db.orm);
const trade = tradeFixtures(db.orm);
let rep: Staff;
let customer: Customer;
let tea: Product;
let cups: Product;
const orders: Order[] = [];

beforeAll(async () => {
  rep = await build.staff({ name: '李四' }, StaffRole.ADMIN);
  customer = await build.customer();
  tea = await trade.product({ sku: 'TEA-1', name: '龙井', category: '茶叶' });
  cups = await trade.product({ sku: 'CUP-1', name: '茶杯', category: null });
  for (const [number, orderedAt] of [
    ['SO-1', '2025-01-05'],
    ['SO-2', '2025-03-01'],
    ['SO-3', '2025-03-01'],
    ['SO-4', '2025-06-30'],
  ] as const) {
    orders.push(
      await trade.order(customer, {
        number,
        orderedAt,
        lines: [{ product: tea, quantity: 2, unitPrice: '100.00' }],
      }),
    );
  }
});

const ORDERS = `query ($c: ID!, $first: Int, $after: String, $from: LocalDate, $to: LocalDate) {
  customer(id: $c) { orders(first: $first, after: $after, from: $from, to: $to) {
    nodes { number orderedAt }
    pageInfo { hasNextPage endCursor }
    totalCount
  } }
}`;

type OrderPage = {
  customer: {
    orders: {
      nodes: Array<{ number: string; orderedAt: string }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      totalCount: number;
    };
  };
};

const page = (variables: Record<string, unknown>) =>
  db.execute<OrderPage>(ORDERS, { c: toGlobalId('Customer', customer.id), ...variables }, { viewer: rep });

/** Of two orders on the same day, the one with the larger id comes first. */
const sameDay = () =>
  [orders[1], orders[2]]
    .sort((a, b) => ((a?.id ?? '') < (b?.id ?? '') ? 1 : -1))
    .map((order) => ({ number: order?.number, orderedAt: '2025-03-01' }));

describe('Customer.orders', () => {
  it('reads an order with its lines, rep and amounts net of a discount and a return', async () => {
    const other = await build.customer();
    await trade.order(other, {
      number: 'SO-FULL',
      orderedAt: '2025-02-10',
      dueDate: '2025-03-12',
      region: '华东',
      rep,
      paidAmount: '100.00',
      lines: [
        { product: tea, quantity: 3, unitPrice: '33.33', discount: '0.1' },
        { product: cups, quantity: -1, unitPrice: '12.50' },
      ],
    });
    const result = await db.execute(
      `query ($c: ID!) { customer(id: $c) { orders { nodes {
        number orderedAt dueDate region total paidAmount rep { name } customer { code }
        lines { product { sku name category } quantity unitPrice discount amount }
      } } } }`,
      { c: toGlobalId('Customer', other.id) },
      { viewer: rep },
    );
    expect(result).toEqual({
      data: {
        customer: {
          orders: {
            nodes: [
              {
                number: 'SO-FULL',
                orderedAt: '2025-02-10',
                dueDate: '2025-03-12',
                region: '华东',
                total: '77.49',
                paidAmount: '100.00',
                rep: { name: '李四' },
                customer: { code: other.code },
                lines: [
                  {
                    product: { sku: 'TEA-1', name: '龙井', category: '茶叶' },
                    quantity: 3,
                    unitPrice: '33.33',
                    discount: '0.1000',
                    amount: '89.99',
                  },
                  {
                    product: { sku: 'CUP-1', name: '茶杯', category: null },
                    quantity: -1,
                    unitPrice: '12.50',
                    discount: '0.0000',
                    amount: '-12.50',
                  },
                ],
              },
            ],
          },
        },
      },
    });
  });

  it('pages newest first, breaking ties on a date by id, with stable cursors', async () => {
    const first = await page({ first: 2 });
    expect(first.data?.customer.orders).toMatchObject({
      nodes: [{ number: 'SO-4', orderedAt: '2025-06-30' }, sameDay()[0]],
      pageInfo: { hasNextPage: true },
      totalCount: 4,
    });
    const next = await page({ first: 2, after: first.data?.customer.orders.pageInfo.endCursor });
    expect(next.data?.customer.orders).toMatchObject({
      nodes: [sameDay()[1], { number: 'SO-1', orderedAt: '2025-01-05' }],
      pageInfo: { hasNextPage: false },
    });
  });

  it('keeps to the dates asked for, both ends included, in pages and counts', async () => {
    const first = await page({ from: '2025-03-01', to: '2025-06-30', first: 2 });
    expect(first.data?.customer.orders).toMatchObject({
      nodes: [{ number: 'SO-4' }, sameDay()[0]],
      pageInfo: { hasNextPage: true },
      totalCount: 3,
    });
    const next = await page({
      from: '2025-03-01',
      to: '2025-06-30',
      after: first.data?.customer.orders.pageInfo.endCursor,
    });
    expect(next.data?.customer.orders.nodes).toEqual([sameDay()[1]]);
    const early = await page({ to: '2025-02-28' });
    expect(early.data?.customer.orders).toMatchObject({ nodes: [{ number: 'SO-1' }], totalCount: 1 });
  });

  it.each([
    [{ from: '2025-07-01', to: '2025-01-01' }, 'to'],
    [{ after: 'bm90LWEtY3Vyc29y' }, 'after'],
    [
      {
        after: Buffer.from(
          JSON.stringify(['2025-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
        ).toString('base64url'),
      },
      'after',
    ],
    [{ first: 201 }, 'first'],
  ])('refuses %j naming %s', async (variables, field) => {
    const result = await page(variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('node(id) for trade records', () => {
  it('finds an order through its customer and a product directly', async () => {
    const NODE =
      'query ($id: ID!) { node(id: $id) { __typename id ... on Order { number } ... on Product { sku } } }';
    const order = orders[0] as Order;
    const orderId = toGlobalId('Order', order.id);
    expect(await db.execute(NODE, { id: orderId }, { viewer: rep })).toEqual({
      data: { node: { __typename: 'Order', id: orderId, number: 'SO-1' } },
    });
    const productId = toGlobalId('Product', tea.id);
    expect(await db.execute(NODE, { id: productId }, { viewer: rep })).toEqual({
      data: { node: { __typename: 'Product', id: productId, sku: 'TEA-1' } },
    });
    const missing = toGlobalId('Order', '00000000-0000-4000-8000-000000000000');
    expect(await db.execute(NODE, { id: missing }, { viewer: rep })).toEqual({ data: { node: null } });
  });
});

const PAGE = `query ($n: Int!) {
  customers(first: $n) { nodes { orders(first: 3) { nodes {
    total paidAmount openAmount lines { product { name } amount } payments { amount } returns { amount }
  } } } }
}`;

type Page = {
  customers: { nodes: Array<{ orders: { nodes: Array<{ total: string; lines: unknown[] }> } }> };
};

describe('batching', () => {
  it('reads the orders, lines, payments and returns of 10 or of 100 customers with the same 6 statements', async () => {
    await bulkTrade(db.orm, 100, 4);
    const measured = async (n: number) => {
      let data: Page | null | undefined;
      const statements = await db.captureSql(async () => {
        const result = await db.execute<Page>(PAGE, { n }, { viewer: rep });
        expect(result.errors).toBeUndefined();
        data = result.data;
      });
      return { data: data as Page, statements };
    };
    const small = await measured(10);
    const large = await measured(100);
    expect(small.data.customers.nodes).toHaveLength(10);
    expect(large.data.customers.nodes).toHaveLength(100);
    expect(large.data.customers.nodes[99]?.orders.nodes).toHaveLength(3);
    expect(large.data.customers.nodes[0]?.orders.nodes[0]).toEqual({
      total: '30.00',
      paidAmount: '10.00',
      openAmount: '20.00',
      lines: [
        { product: { name: '批量商品' }, amount: '10.00' },
        { product: { name: '批量商品' }, amount: '20.00' },
      ],
      payments: [{ amount: '10.00' }],
      returns: [],
    });
    // customers page, orders' first pages, then for those orders: lines, payments, returns; products of lines
    expect(small.statements).toHaveLength(6);
    expect(large.statements).toHaveLength(6);
  });
});
