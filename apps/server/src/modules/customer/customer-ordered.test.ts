import { CompositionDimension, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { compositionFixtures } from '../composition/composition.fixtures.js';
import type { Staff } from '../staff/staff.entity.js';

const db = await testDatabase();
const build = builders(db.orm);
const fx = compositionFixtures(db.orm);

let viewer: Staff;
let widget: string;
let gadget: string;

// Four customers; orders inside and outside the first quarter of 2026, some sold outside the customer's region.
beforeAll(async () => {
  viewer = await build.staff({}, StaffRole.ANALYST);
  const o1 = await build.customer({ code: 'O1', region: '华东' });
  const o2 = await build.customer({ code: 'O2', region: '华北' });
  const o3 = await build.customer({ code: 'O3', region: null });
  await build.customer({ code: 'O4', region: '华东' });
  widget = await fx.product('Widget', 'Hardware');
  gadget = await fx.product('Gadget', 'Hardware');
  const service = await fx.product('Service', 'Services');
  await fx.order(o1.id, '2026-01-10', null, [{ productId: widget, quantity: 1, unitPrice: '10.00' }]);
  await fx.order(o1.id, '2026-03-02', '华南', [{ productId: service, quantity: 1, unitPrice: '10.00' }]);
  await fx.order(o2.id, '2026-02-20', '华东', [{ productId: gadget, quantity: 2, unitPrice: '10.00' }]);
  await fx.order(o3.id, '2026-03-31', '华南', [{ productId: service, quantity: 1, unitPrice: '10.00' }]);
  await fx.order(o3.id, '2025-12-31', null, [{ productId: widget, quantity: 1, unitPrice: '10.00' }]);
  await fx.order(o2.id, '2026-04-01', null, [{ productId: widget, quantity: 1, unitPrice: '10.00' }]);
});

const LIST = `query ($filter: CustomerFilter) {
  customers(filter: $filter, first: 50) { totalCount nodes { code } }
}`;

async function listed(ordered: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const result = await db.execute<{ customers: { totalCount: number; nodes: Array<{ code: string }> } }>(
    LIST,
    { filter: { ...extra, ordered } },
    { viewer },
  );
  expect(result.errors).toBeUndefined();
  const page = result.data?.customers;
  return { codes: (page?.nodes.map((n) => n.code) ?? []).sort(), total: page?.totalCount };
}

const codesOf = async (sql: string) =>
  (await db.orm.em.fork().execute<Array<{ code: string }>>(`${sql} order by 1`)).map((row) => row.code);

const Q1 = { from: '2026-01-01', to: '2026-03-31' };

// Written apart from customer.filter.ts: joins over the tables, not the order_revenue view.
describe('customers with orders, each against its own SQL', () => {
  it.each([
    [
      'the period alone',
      () => Q1,
      `select distinct c.code from customer c join order_line l on l.customer_id = c.id
       where l.ordered_at between '2026-01-01' and '2026-03-31'`,
    ],
    [
      'a product',
      () => ({ ...Q1, productId: toGlobalId('Product', widget) }),
      `select distinct c.code from customer c join order_line l on l.customer_id = c.id
       join product p on p.id = l.product_id
       where p.name = 'Widget' and l.ordered_at between '2026-01-01' and '2026-03-31'`,
    ],
    [
      'a category',
      () => ({ ...Q1, category: 'Hardware' }),
      `select distinct c.code from customer c join order_line l on l.customer_id = c.id
       join product p on p.id = l.product_id
       where p.category = 'Hardware' and l.ordered_at between '2026-01-01' and '2026-03-31'`,
    ],
    [
      "a region, the order's before the customer's",
      () => ({ ...Q1, region: '华东' }),
      `select distinct c.code from customer c join sales_order o on o.customer_id = c.id
       where case when o.region is null then c.region else o.region end = '华东'
         and o.ordered_at between '2026-01-01' and '2026-03-31'`,
    ],
    [
      'a month',
      () => ({ from: '2026-03-01', to: '2026-03-31' }),
      `select distinct c.code from customer c join sales_order o on o.customer_id = c.id
       where extract(year from o.ordered_at) = 2026 and extract(month from o.ordered_at) = 3`,
    ],
  ])('%s', async (_case, ordered, sql) => {
    const expected = await codesOf(sql);
    const { codes, total } = await listed(ordered());
    expect(codes).toEqual(expected);
    expect(total).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(4);
  });

  it('combines with the other filters', async () => {
    expect((await listed(Q1, { region: ['华东'] })).codes).toEqual(['O1']);
  });
});

describe('a composition slice links to exactly the customers it counts', () => {
  const SLICES = `query ($by: CompositionDimension!) {
    salesComposition(by: $by, from: "2026-01-01", to: "2026-03-31") { key customers }
  }`;
  it.each([
    [CompositionDimension.REGION, 'region'],
    [CompositionDimension.PRODUCT, 'productId'],
    [CompositionDimension.CATEGORY, 'category'],
  ])('%s', async (by, field) => {
    const result = await db.execute<{ salesComposition: Array<{ key: string; customers: number }> }>(
      SLICES,
      { by },
      { viewer },
    );
    const slices = result.data?.salesComposition ?? [];
    expect(slices.length).toBeGreaterThan(1);
    for (const slice of slices) {
      expect((await listed({ ...Q1, [field]: slice.key })).total).toBe(slice.customers);
    }
  });
});

describe('bad input', () => {
  it.each([
    ['a period that ends before it starts', { from: '2026-03-01', to: '2026-02-01' }, 'filter.ordered.from'],
    [
      'a customer id where a product goes',
      { ...Q1, productId: toGlobalId('Customer', '00000000-0000-4000-8000-000000000000') },
      'filter.ordered.productId',
    ],
  ])('%s', async (_case, ordered, field) => {
    const sql = await db.captureSql(async () => {
      const result = await db.execute(LIST, { filter: { ordered } }, { viewer });
      expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', field],
      ]);
    });
    expect(sql).toEqual([]);
  });
});
