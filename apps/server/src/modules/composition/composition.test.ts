import { CustomerNature, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Staff } from '../staff/staff.entity.js';
import { compositionFixtures } from './composition.fixtures.js';

const db = await testDatabase();
const build = builders(db.orm);
const fx = compositionFixtures(db.orm);

const COMPOSITION = `query ($by: CompositionDimension!, $from: LocalDate, $to: LocalDate) {
  salesComposition(by: $by, from: $from, to: $to) { key label revenue share customers orders }
}`;

let viewer: Staff;
let owner: Staff;
let products: Record<'widget' | 'gadget' | 'service', string>;

// Three customers, four orders in the first quarter of 2026 (one with a return line), two outside it.
beforeAll(async () => {
  viewer = await build.staff({}, StaffRole.ANALYST);
  owner = await build.staff({ name: '张三' });
  const ref = { owner: build.ref(Staff, owner) };
  const a = await build.customer({ code: 'CA', region: '华东', ...ref });
  const b = await build.customer({ code: 'CB', region: '华北', nature: CustomerNature.GOVERNMENT });
  const c = await build.customer({ code: 'CC', region: null, ...ref });
  for (const [customer, cls] of [
    [a, 'A'],
    [b, 'B'],
    [c, 'C'],
  ] as const) {
    await fx.sql('update abc_grade set class = ? where customer_id = ?', [cls, customer.id]);
  }
  products = {
    widget: await fx.product('Widget', 'Hardware'),
    gadget: await fx.product('Gadget', 'Hardware'),
    service: await fx.product('Service plan', null),
  };
  const { widget, gadget, service } = products;
  await fx.order(a.id, '2026-01-10', null, [
    { productId: widget, quantity: 10, unitPrice: '100.00' },
    { productId: service, quantity: 1, unitPrice: '200.00', discount: '0.1' },
  ]);
  await fx.order(a.id, '2026-02-05', '华南', [
    { productId: gadget, quantity: 5, unitPrice: '50.00' },
    { productId: widget, quantity: -2, unitPrice: '100.00' },
  ]);
  await fx.order(b.id, '2026-02-20', null, [{ productId: widget, quantity: 3, unitPrice: '100.00' }]);
  await fx.order(c.id, '2026-03-31', null, [
    { productId: service, quantity: 2, unitPrice: '200.00', discount: '0.25' },
  ]);
  await fx.order(c.id, '2025-12-31', null, [{ productId: widget, quantity: 100, unitPrice: '100.00' }]);
  await fx.order(b.id, '2026-04-01', null, [{ productId: widget, quantity: 100, unitPrice: '100.00' }]);
});

const TOTAL = 1830;
type Slice = [key: string, label: string, revenue: string, customers: number, orders: number];

async function slices(
  by: string,
  locale: 'en' | 'zh-CN' = 'en',
  period = { from: '2026-01-01', to: '2026-03-31' },
) {
  const result = await db.execute<{
    salesComposition: Array<{
      key: string;
      label: string;
      revenue: string;
      share: number;
      customers: number;
      orders: number;
    }>;
  }>(COMPOSITION, { by, ...period }, { viewer, locale });
  expect(result.errors).toBeUndefined();
  const found = result.data?.salesComposition ?? [];
  for (const slice of found) expect(slice.share).toBeCloseTo(Number(slice.revenue) / TOTAL, 12);
  return found.map((s): Slice => [s.key, s.label, s.revenue, s.customers, s.orders]);
}

describe('salesComposition', () => {
  it.each<[string, () => Slice[]]>([
    [
      'ABC_CLASS',
      () => [
        ['A', 'Class A', '1230.00', 1, 2],
        ['B', 'Class B', '300.00', 1, 1],
        ['C', 'Class C', '300.00', 1, 1],
      ],
    ],
    [
      'REGION',
      () => [
        ['华东', '华东', '1180.00', 1, 1],
        ['', 'Not specified', '300.00', 1, 1],
        ['华北', '华北', '300.00', 1, 1],
        ['华南', '华南', '50.00', 1, 1],
      ],
    ],
    [
      'PRODUCT',
      () => [
        [toGlobalId('Product', products.widget), 'Widget', '1100.00', 2, 3],
        [toGlobalId('Product', products.service), 'Service plan', '480.00', 2, 2],
        [toGlobalId('Product', products.gadget), 'Gadget', '250.00', 1, 1],
      ],
    ],
    [
      'CATEGORY',
      () => [
        ['Hardware', 'Hardware', '1350.00', 2, 3],
        ['', 'Not specified', '480.00', 2, 2],
      ],
    ],
    [
      'NATURE',
      () => [
        ['COMPANY', 'Company', '1530.00', 2, 3],
        ['GOVERNMENT', 'Government', '300.00', 1, 1],
      ],
    ],
    [
      'OWNER',
      () => [
        [toGlobalId('Staff', owner.id), '张三', '1530.00', 2, 3],
        ['', 'No owner', '300.00', 1, 1],
      ],
    ],
    [
      'MONTH',
      () => [
        ['2026-01', '2026-01', '1180.00', 1, 1],
        ['2026-02', '2026-02', '350.00', 2, 2],
        ['2026-03', '2026-03', '300.00', 1, 1],
      ],
    ],
  ])(
    'by %s: revenue net of returns, share of the period, distinct customers and orders',
    async (by, expected) => {
      expect(await slices(by)).toEqual(expected());
    },
  );

  it('labels in the viewer language', async () => {
    expect((await slices('NATURE', 'zh-CN')).map(([, label]) => label)).toEqual(['普通公司', '政府机构']);
    expect((await slices('ABC_CLASS', 'zh-CN')).map(([, label]) => label)).toEqual([
      'A类客户',
      'B类客户',
      'C类客户',
    ]);
    expect((await slices('OWNER', 'zh-CN')).map(([, label]) => label)).toEqual(['张三', '无负责人']);
  });

  it('answers in one statement, and nothing for a period without orders', async () => {
    const statements = await db.captureSql(() => slices('MONTH'));
    expect(statements).toHaveLength(1);
    expect(await slices('PRODUCT', 'en', { from: '2027-01-01', to: '2027-12-31' })).toEqual([]);
  });

  it('takes the ABC snapshot period when no period is given', async () => {
    await fx.sql(`insert into analytics_snapshot (period_from, period_to, a_share, b_share, total_revenue, as_of)
                  values ('2026-02-01', '2026-03-31', 0.8, 0.15, 0, now())`);
    const result = await db.execute(`{ salesComposition(by: MONTH) { key revenue } }`, {}, { viewer });
    expect(result.data).toEqual({
      salesComposition: [
        { key: '2026-02', revenue: '350.00' },
        { key: '2026-03', revenue: '300.00' },
      ],
    });
  });

  it('refuses a period that ends before it starts', async () => {
    const result = await db.execute(
      COMPOSITION,
      { by: 'MONTH', from: '2026-03-01', to: '2026-02-28' },
      { viewer },
    );
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', 'to'],
    ]);
  });

  // Found by the fuzz test: year 0000 reached PostgreSQL ("date/time field value out of range").
  it.each(['0000-01-01', '0001-01-01', '1899-12-31', '3000-01-01'])(
    'refuses the date %s, outside the years a dossier holds, before any SQL runs',
    async (to) => {
      const result = await db.execute(COMPOSITION, { by: 'MONTH', to }, { viewer });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    },
  );
});

describe('salesComposition with returns', () => {
  it('counts a return against its order, by order date, on no product', async () => {
    // December 2025 holds one order (CC, 100 widgets, 10000.00); a discount of 500.00 granted in 2026.
    await fx.sql(
      `insert into order_return (id, order_id, customer_id, ordered_at, returned_on, amount, reason)
       select gen_random_uuid(), id, customer_id, ordered_at, '2026-01-15', 500.00, '折价'
       from sales_order where ordered_at = '2025-12-31'`,
    );
    const december = async (by: string) => {
      const result = await db.execute<{ salesComposition: Array<{ key: string; revenue: string }> }>(
        COMPOSITION,
        { by, from: '2025-12-01', to: '2025-12-31' },
        { viewer },
      );
      return result.data?.salesComposition.map((s) => [s.key, s.revenue]);
    };
    expect(await december('MONTH')).toEqual([['2025-12', '9500.00']]);
    expect(await december('PRODUCT')).toEqual([
      [toGlobalId('Product', products.widget), '10000.00'],
      ['', '-500.00'],
    ]);
  });
});
