import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import { tradeFixtures } from '../trade/trade.fixtures.js';
import { type Cell, csv, xlsx } from './import.fixtures.js';

const db = await testDatabase();
const build = builders(db.orm);
const trade = tradeFixtures(db.orm);
let importer: Staff;
let acme: Customer;

beforeAll(async () => {
  importer = await build.staff({}, StaffRole.ADMIN);
  await build.staff({ name: '赵六', email: 'zhao.liu@example.com' });
  await build.staff({ name: '同名' });
  await build.staff({ name: '同名' });
  acme = await build.customer({ code: 'ACME', region: '华南' });
  await build.customer({ code: 'BETA' });
  await trade.product({ sku: 'TEA-1', name: '龙井', category: '茶叶' });
});

const IMPORT = `mutation ($input: ImportRecordsInput!) {
  importRecords(input: $input) {
    kind rows imported { customers keyPersons orders orderLines products } errors { line column message }
  }
}`;

type Report = {
  kind: string | null;
  rows: number;
  imported: Record<string, number>;
  errors: Array<{ line: number; column: string | null; message: string }>;
};

async function importFile(fileName: string, content: Buffer, kind: string | null = null) {
  const result = await db.execute<{ importRecords: Report }>(
    IMPORT,
    { input: { fileName, contentBase64: content.toString('base64'), kind } },
    { viewer: importer },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.importRecords as Report;
}

const ORDER_HEADER = [
  'Order No',
  'Customer Code',
  'Order Date',
  'Due Date',
  'Rep',
  'Paid',
  'SKU',
  'Product Name',
  'Category',
  'Qty',
  'Unit Price',
  'Discount',
];

const orderRows = (suffix: string): Cell[][] => [
  [
    `A-${suffix}`,
    'ACME',
    '2025-03-01',
    '2025-03-31',
    'zhao.liu@example.com',
    '50',
    'TEA-1',
    '',
    '',
    '3',
    '33.33',
    '10%',
  ],
  [`A-${suffix}`, '', '', '', '', '', `CUP-${suffix}`, '茶杯', '器具', '-1', '12.50', ''],
  [`B-${suffix}`, 'BETA', '2025/4/2', '', '赵六', '', `CUP-${suffix}`, '茶杯', '', '10', '¥1,000.00', '0.05'],
];

async function ordersOf(numbers: string[]) {
  return db.orm.em.fork().execute(
    `select o.number, o.ordered_at, o.due_date, o.region, o.total, o.paid_amount, o.version, s.name as rep,
            (select count(*)::int from order_line l where l.order_id = o.id) as lines,
            (select count(*)::int from change c where c.entity_id = o.id and c.actor_id = ?) as changes
     from sales_order o left join staff s on s.id = o.rep_id where o.number = any(?::text[]) order by o.number`,
    [importer.id, `{${numbers.join(',')}}`],
  );
}

describe('importing orders', () => {
  it('imports orders with their lines from one CSV: totals are the sums of the lines', async () => {
    const done = await importFile('orders.csv', csv([ORDER_HEADER, ...orderRows('1')]));
    expect(done).toEqual({
      kind: 'ORDERS',
      rows: 3,
      imported: { customers: 0, keyPersons: 0, orders: 2, orderLines: 3, products: 1 },
      errors: [],
    });
    expect(await ordersOf(['A-1', 'B-1'])).toEqual([
      // 3 × 33.33 × 0.9 = 89.991 → 89.99, less the returned cup 12.50
      {
        number: 'A-1',
        ordered_at: '2025-03-01',
        due_date: '2025-03-31',
        region: '华南',
        total: '77.49',
        paid_amount: '50.00',
        version: 1,
        rep: '赵六',
        lines: 2,
        changes: 1,
      },
      {
        number: 'B-1',
        ordered_at: '2025-04-02',
        due_date: null,
        region: null,
        total: '9500.00',
        paid_amount: '0.00',
        version: 1,
        rep: '赵六',
        lines: 1,
        changes: 1,
      },
    ]);
  });

  it('refreshes the risk assessments once the orders are in', async () => {
    const late = await build.customer({ code: 'LATE' });
    const content = csv([
      ['Order No', 'Customer Code', 'Order Date', 'Due Date', 'SKU', 'Qty', 'Unit Price'],
      ['L-1', 'LATE', '2024-01-02', '2024-02-01', 'TEA-1', '1', '500'],
    ]);
    expect(await importFile('late.csv', content)).toMatchObject({ errors: [] });
    const [risk] = await db.orm.em
      .fork()
      .execute(
        `select level, signals @> '[{"code": "OVERDUE_RECEIVABLE"}]' as overdue from risk_assessment where customer_id = ?`,
        [late.id],
      );
    expect(risk).toEqual({ level: 'HIGH', overdue: true });
  });

  it('adds lines to existing orders, updating their totals and versions', async () => {
    await importFile('orders.csv', csv([ORDER_HEADER, ...orderRows('2')]));
    const lines = csv([
      ['订单号', '商品编码', '数量', '单价', '折扣'],
      ['B-2', 'TEA-1', '2', '50', '0'],
      ['A-2', 'TEA-1', '1', '10.00', ''],
    ]);
    const done = await importFile('lines.csv', lines);
    expect(done).toMatchObject({ kind: 'ORDER_LINES', imported: { orderLines: 2, products: 0 }, errors: [] });
    expect(await ordersOf(['A-2', 'B-2'])).toMatchObject([
      // Its CREATE, then the UPDATE of its total.
      { number: 'A-2', total: '87.49', version: 2, lines: 3, changes: 2 },
      { number: 'B-2', total: '9600.00', version: 2, lines: 2, changes: 2 },
    ]);
  });

  it('imports an XLSX with Chinese headers, Excel dates and numbers', async () => {
    const workbook = await xlsx([
      [
        '订单号',
        '客户编号',
        '订货日期',
        '应付款日期',
        '已付金额',
        '商品编码',
        '商品名称（规格）',
        '类别',
        '数量',
        '单价（元）',
        '折扣率',
      ],
      [
        'X-1',
        'ACME',
        new Date('2025-05-06T00:00:00Z'),
        new Date('2025-06-05T00:00:00Z'),
        200,
        'TEA-1',
        null,
        null,
        4,
        88.8,
        0.25,
      ],
      ['X-1', 'ACME', new Date('2025-05-06T00:00:00Z'), null, null, 'PEN-X', '钢笔', '文具', 2, 15, null],
    ]);
    const done = await importFile('订单.xlsx', workbook);
    expect(done).toEqual({
      kind: 'ORDERS',
      rows: 2,
      imported: { customers: 0, keyPersons: 0, orders: 1, orderLines: 2, products: 1 },
      errors: [],
    });
    expect(await ordersOf(['X-1'])).toMatchObject([
      { ordered_at: '2025-05-06', due_date: '2025-06-05', total: '296.40', paid_amount: '200.00', lines: 2 },
    ]);
  });

  it('imports key persons of existing customers from Chinese headers', async () => {
    const people = csv([
      ['客户编号', '姓名', '职务', '手机', '邮箱', '兴趣爱好', '出生年份'],
      ['ACME', '陈经理', '采购经理', '138 0013 8000', 'chen@acme.cn', '围棋', '1975'],
    ]);
    const done = await importFile('people.csv', people);
    expect(done).toMatchObject({ kind: 'KEY_PERSONS', imported: { keyPersons: 1 }, errors: [] });
    const [person] = await db.orm.em.fork().execute(
      `select name, title, mobile, email, profile_interests, profile_birth_year,
              (select count(*)::int from change c where c.entity_id = k.id and c.customer_id = ?) as changes
       from key_person k where customer_id = ?`,
      [acme.id, acme.id],
    );
    expect(person).toEqual({
      name: '陈经理',
      title: '采购经理',
      mobile: '138 0013 8000',
      email: 'chen@acme.cn',
      profile_interests: '围棋',
      profile_birth_year: 1975,
      changes: 1,
    });
  });

  const row = (overrides: Partial<Record<number, Cell>>): Cell[] =>
    ['Z-1', 'ACME', '2025-03-01', '', '', '', 'TEA-1', '', '', '1', '10', ''].map((cell, i) =>
      i in overrides ? (overrides[i] ?? null) : cell,
    );

  it.each([
    [{ 1: 'NOPE' }, 'Customer Code', 'Customer Code names no customer ("NOPE")'],
    [{ 2: '2025-02-30' }, 'Order Date', 'Order Date must be a date such as 2024-03-31'],
    [{ 3: '2025-02-01' }, 'Due Date', 'Due Date must not be before the order date'],
    [{ 4: '同名' }, 'Rep', 'Rep names more than one staff member; use the e-mail'],
    [{ 4: 'nobody@example.com' }, 'Rep', 'Rep names no staff member (give an e-mail or full name)'],
    [{ 5: '-1' }, 'Paid', 'Paid must be an amount such as 1234.50, not negative'],
    [{ 6: 'NEW-SKU' }, 'SKU', 'SKU "NEW-SKU" names no product; give its name to create it'],
    [{ 9: '0' }, 'Qty', 'Qty must be a whole number other than 0 (negative for a return)'],
    [{ 9: '1.5' }, 'Qty', 'Qty must be a whole number other than 0 (negative for a return)'],
    [{ 10: '1.005' }, 'Unit Price', 'Unit Price must be an amount such as 1234.50, not negative'],
    [{ 11: '150%' }, 'Discount', 'Discount must be a fraction from 0 to 1 (0.15) or a percentage (15%)'],
    [{ 0: 'A-1' }, 'Order No', 'Order No "A-1" already exists'],
  ])('refuses a row with %j: %s', async (overrides, column, message) => {
    const before = await tableCounts(db.orm);
    const done = await importFile('bad.csv', csv([ORDER_HEADER, row({}), row({ 0: 'Z-2', ...overrides })]));
    expect(done.errors).toEqual([{ line: 3, column, message }]);
    expect(done.imported).toEqual({ customers: 0, keyPersons: 0, orders: 0, orderLines: 0, products: 0 });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('refuses a later line of an order that contradicts its first line', async () => {
    const done = await importFile('bad.csv', csv([ORDER_HEADER, row({}), row({ 1: 'BETA', 2: '' })]));
    expect(done.errors).toEqual([
      { line: 3, column: 'Customer Code', message: 'Customer Code differs from line 2 of order "Z-1"' },
    ]);
  });
});
