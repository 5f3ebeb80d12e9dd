import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { parseGlobalId, toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import type { Product } from './product.entity.js';
import { tradeFixtures } from './trade.fixtures.js';

const db = await testDatabase();
const build = builders(db.orm);
const trade = tradeFixtures(db.orm);
let rep: Staff;
let customer: Customer;
let tea: Product;

beforeAll(async () => {
  rep = await build.staff({ name: '李四' }, StaffRole.ADMIN);
  customer = await build.customer({ name: '华东电网' });
  tea = await trade.product({ sku: 'TEA-1', name: '龙井' });
});

/** An order of 1000.00 dated 2025-03-01, due 2025-03-31, and its global id. */
async function order(paidAmount?: string) {
  const created = await trade.order(customer, {
    orderedAt: '2025-03-01',
    dueDate: '2025-03-31',
    paidAmount,
    lines: [{ product: tea, quantity: 10, unitPrice: '100.00' }],
  });
  return toGlobalId('Order', created.id);
}

const SETTLED = 'number total paidAmount returnedAmount openAmount';
const PAY = `mutation ($input: RecordPaymentInput!) {
  recordPayment(input: $input) { id amount paidOn method note version order { ${SETTLED} } }
}`;
const RETURN = `mutation ($input: RecordReturnInput!) {
  recordReturn(input: $input) { id amount date: returnedOn reason version order { ${SETTLED} } }
}`;
const ORDER = `query ($id: ID!) {
  node(id: $id) { ... on Order { ${SETTLED} payments { amount paidOn } returns { amount returnedOn reason } } }
}`;

type Settled = { total: string; paidAmount: string; returnedAmount: string; openAmount: string };
const pay = (input: object) =>
  db.execute<{ recordPayment: { id: string; order: Settled } }>(PAY, { input }, { viewer: rep });
const credit = (input: object) =>
  db.execute<{ recordReturn: { id: string; order: Settled } }>(RETURN, { input }, { viewer: rep });
const uuidOf = (globalId: string | undefined) => parseGlobalId(globalId ?? '')?.id ?? '';
const read = async (id: string) => (await db.execute(ORDER, { id }, { viewer: rep })).data?.node;

async function changesOf(entityType: string, entityId: string) {
  return db.orm.em.fork().execute(
    `select c.action, c.customer_id, array_agg(f.field order by f.field) as fields
       from change c left join field_change f on f.change_id = c.id
       where c.entity_type = ? and c.entity_id = ? group by c.id`,
    [entityType, entityId],
  );
}

describe('recordPayment', () => {
  it('records a payment, which the order sums into paid and open amounts, in the dossier history', async () => {
    const orderId = await order();
    const result = await pay({
      orderId,
      amount: '400.50',
      paidOn: '2025-03-20',
      method: ' 银行转账 ',
      note: '首付款',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordPayment).toMatchObject({
      amount: '400.50',
      paidOn: '2025-03-20',
      method: '银行转账',
      note: '首付款',
      version: 1,
      order: { total: '1000.00', paidAmount: '400.50', returnedAmount: '0.00', openAmount: '599.50' },
    });
    await pay({ orderId, amount: '599.50', paidOn: '2025-03-31' });
    expect(await read(orderId)).toMatchObject({
      paidAmount: '1000.00',
      openAmount: '0.00',
      payments: [
        { amount: '400.50', paidOn: '2025-03-20' },
        { amount: '599.50', paidOn: '2025-03-31' },
      ],
    });
    expect(await changesOf('Payment', uuidOf(result.data?.recordPayment.id))).toEqual([
      {
        action: 'CREATE',
        customer_id: customer.id,
        fields: ['amount', 'method', 'note', 'orderId', 'paidOn'],
      },
    ]);
  });

  it('BAD_USER_INPUT for a third decimal, before any resolver runs', async () => {
    const orderId = await order();
    const result = await pay({ orderId, amount: '1.005', paidOn: '2025-03-02' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses payments beyond what is left to pay, less returns, and changes nothing', async () => {
    const orderId = await order('900.00');
    await credit({ orderId, amount: '50.00', date: '2025-03-05', reason: '破损' });
    const before = await tableCounts(db.orm);
    const result = await pay({ orderId, amount: '50.01', paidOn: '2025-04-01' });
    expect(result.errors?.[0]).toMatchObject({
      message: 'input.amount must not exceed the open amount 50.00',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.amount' },
    });
    expect(await tableCounts(db.orm)).toEqual(before);
    expect(await read(orderId)).toMatchObject({ paidAmount: '900.00', openAmount: '50.00' });
  });

  it.each([
    ['a zero amount', { amount: '0.00' }, 'input.amount'],
    ['a negative amount', { amount: '-5.00' }, 'input.amount'],
    ['a date before the order', { paidOn: '2025-02-28' }, 'input.paidOn'],
    ['a date in the future', { paidOn: '2999-01-01' }, 'input.paidOn'],
    ['a method over 40 characters', { method: 'x'.repeat(41) }, 'input.method'],
    [
      'an order id of another type',
      { orderId: toGlobalId('Customer', '00000000-0000-4000-8000-000000000000') },
      'input.orderId',
    ],
  ])('BAD_USER_INPUT for %s, and nothing changes', async (_case, change, field) => {
    const orderId = await order();
    const before = await tableCounts(db.orm);
    const result = await pay({ orderId, amount: '10.00', paidOn: '2025-03-02', ...change });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('NOT_FOUND for an unknown order', async () => {
    const orderId = toGlobalId('Order', '00000000-0000-4000-8000-000000000000');
    const result = await pay({ orderId, amount: '1.00', paidOn: '2025-03-02' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.orderId' });
  });

  it('lets only one of two concurrent payments of the same open amount through', async () => {
    const orderId = await order();
    const results = await Promise.all([
      pay({ orderId, amount: '600.00', paidOn: '2025-03-10' }),
      pay({ orderId, amount: '600.00', paidOn: '2025-03-11' }),
    ]);
    const refused = results.filter((r) => r.errors);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.amount',
    });
    expect(await read(orderId)).toMatchObject({ paidAmount: '600.00', openAmount: '400.00' });
  });
});

describe('recordReturn', () => {
  it('credits the order, lowers its revenue on the order date, and may leave a refund due', async () => {
    const orderId = await order('1000.00');
    const revenue = () =>
      db.orm.em
        .fork()
        .execute(
          `select cents::int8::text as cents from customer_day_revenue where customer_id = ? and day = ?`,
          [customer.id, '2025-03-01'],
        );
    const [day] = (await revenue()) as Array<{ cents: string }>;
    const result = await credit({ orderId, amount: '120.00', date: '2025-05-10', reason: ' 质量问题退货 ' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordReturn).toMatchObject({
      amount: '120.00',
      date: '2025-05-10',
      reason: '质量问题退货',
      version: 1,
      order: { paidAmount: '1000.00', returnedAmount: '120.00', openAmount: '-120.00' },
    });
    expect(await revenue()).toEqual([{ cents: String(BigInt(day?.cents ?? '0') - 12000n) }]);
  });

  it.each([
    ['more than was sold', { amount: '1000.01' }, 'input.amount'],
    ['a zero amount', { amount: '0' }, 'input.amount'],
    ['a date before the order', { date: '2025-02-01' }, 'input.date'],
    ['a date in the future', { date: '2999-01-01' }, 'input.date'],
    ['an empty reason', { reason: '  ' }, 'input.reason'],
  ])('BAD_USER_INPUT for %s, and nothing changes', async (_case, change, field) => {
    const orderId = await order();
    const before = await tableCounts(db.orm);
    const result = await credit({ orderId, amount: '10.00', date: '2025-03-02', reason: '折价', ...change });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('refuses returns that together exceed the order total', async () => {
    const orderId = await order();
    await credit({ orderId, amount: '700.00', date: '2025-03-02', reason: '退货' });
    const result = await credit({ orderId, amount: '300.01', date: '2025-03-03', reason: '退货' });
    expect(result.errors?.[0]).toMatchObject({
      message: 'input.amount must not exceed what is left to return, 300.00',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.amount' },
    });
  });
});

describe('node(id)', () => {
  it('finds a payment and a return through their order', async () => {
    const orderId = await order();
    const paid = await pay({ orderId, amount: '10.00', paidOn: '2025-03-02' });
    const credited = await credit({ orderId, amount: '5.00', date: '2025-03-03', reason: '折价' });
    const NODE = `query ($id: ID!) { node(id: $id) {
      __typename ... on Payment { amount } ... on OrderReturn { amount reason } } }`;
    const node = async (id: string | undefined) => (await db.execute(NODE, { id }, { viewer: rep })).data;
    expect(await node(paid.data?.recordPayment.id)).toEqual({
      node: { __typename: 'Payment', amount: '10.00' },
    });
    expect(await node(credited.data?.recordReturn.id)).toEqual({
      node: { __typename: 'OrderReturn', amount: '5.00', reason: '折价' },
    });
  });
});

describe('the sums on sales_order', () => {
  it('are written by the payment and return triggers only', async () => {
    const orderId = await order();
    await expect(
      db.orm.em.fork().execute('update sales_order set paid_amount = 5 where id = ?', [uuidOf(orderId)]),
    ).rejects.toThrow(/sums of payment and order_return/);
  });
});
