import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Staff } from '../staff/staff.entity.js';
import { tradeFixtures } from '../trade/trade.fixtures.js';
import { csv, xlsx } from './import.fixtures.js';

const db = await testDatabase();
const build = builders(db.orm);
const trade = tradeFixtures(db.orm);
let importer: Staff;

beforeAll(async () => {
  importer = await build.staff({}, StaffRole.ADMIN);
  const customer = await build.customer({ code: 'PAY' });
  const tea = await trade.product({ sku: 'TEA-P' });
  // P-1 sells 1000.00, 300.00 of it paid already; P-2 sells 200.00.
  for (const [number, quantity, paidAmount] of [
    ['P-1', 10, '300.00'],
    ['P-2', 2, undefined],
  ] as const) {
    await trade.order(customer, {
      number,
      orderedAt: '2025-06-01',
      paidAmount,
      lines: [{ product: tea, quantity, unitPrice: '100.00' }],
    });
  }
});

const IMPORT = `mutation ($input: ImportRecordsInput!) {
  importRecords(input: $input) { kind dryRun rows imported { payments orders } errors { line column message } }
}`;

async function importFile(fileName: string, content: Buffer, dryRun = false) {
  const result = await db.execute<{ importRecords: Record<string, unknown> }>(
    IMPORT,
    { input: { fileName, contentBase64: content.toString('base64'), dryRun } },
    { viewer: importer },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.importRecords;
}

const settled = () =>
  db.orm.em.fork().execute(
    `select o.number, o.paid_amount, count(p.id)::int as payments,
            count(c.id) filter (where c.action = 'CREATE' and c.actor_id = ?)::int as changes
     from sales_order o left join payment p on p.order_id = o.id left join change c on c.entity_id = p.id
     where o.number like 'P-%' group by o.id order by o.number`,
    [importer.id],
  );

describe('importing payments', () => {
  it('reports unknown orders, overpayments (counting the file’s earlier rows) and bad dates, writing nothing', async () => {
    const content = csv([
      ['Order No', 'Amount', 'Paid On', 'Method', 'Note'],
      ['P-1', '500', '2025-06-10', 'bank transfer', ''],
      ['P-1', '200.01', '2025-06-20', '', ''],
      ['P-9', '10', '2025-06-20', '', ''],
      ['P-2', '0', '2025-05-31', '', ''],
      ['P-2', '10', '2999-01-01', '', ''],
    ]);
    const before = await tableCounts(db.orm);
    for (const dryRun of [true, false]) {
      expect(await importFile('payments.csv', content, dryRun)).toEqual({
        kind: 'PAYMENTS',
        dryRun,
        rows: 5,
        imported: { payments: 0, orders: 0 },
        errors: [
          { line: 3, column: 'Amount', message: 'Amount would overpay order "P-1": open amount 200.00' },
          { line: 4, column: 'Order No', message: 'Order No names no order ("P-9")' },
          { line: 5, column: 'Paid On', message: 'Paid On must not be before the order date 2025-06-01' },
          { line: 5, column: 'Amount', message: 'Amount must be greater than 0' },
          { line: 6, column: 'Paid On', message: 'Paid On must not be in the future' },
        ],
      });
    }
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('imports payments from Chinese headers, each in the history, into the orders’ paid amounts', async () => {
    const workbook = await xlsx([
      ['订单号', '付款金额', '付款日期', '付款方式', '备注'],
      ['P-1', '¥700.00', new Date('2025-06-30T00:00:00Z'), '电汇', '尾款'],
      ['P-2', 150, '2025年7月1日', null, null],
    ]);
    expect(await importFile('付款.xlsx', workbook)).toEqual({
      kind: 'PAYMENTS',
      dryRun: false,
      rows: 2,
      imported: { payments: 2, orders: 0 },
      errors: [],
    });
    expect(await settled()).toEqual([
      { number: 'P-1', paid_amount: '1000.00', payments: 2, changes: 1 },
      { number: 'P-2', paid_amount: '150.00', payments: 1, changes: 1 },
    ]);
  });
});

describe('importing orders with a paid amount', () => {
  it('refuses a paid amount above the total of the order’s lines', async () => {
    await build.customer({ code: 'PAY2' });
    const content = csv([
      ['Order No', 'Customer Code', 'Order Date', 'Paid', 'SKU', 'Qty', 'Unit Price'],
      ['Q-1', 'PAY2', '2025-06-01', '200.01', 'TEA-P', '2', '100'],
    ]);
    expect(await importFile('orders.csv', content, true)).toMatchObject({
      kind: 'ORDERS',
      errors: [{ line: 2, column: 'Paid', message: 'Paid would overpay order "Q-1": open amount 200.00' }],
    });
  });
});

describe('importing return lines of paid orders', () => {
  it('refuses return lines that would leave an order worth less than what was paid', async () => {
    const customer = await build.customer();
    const tea = await trade.product();
    const lines = [{ product: tea, quantity: 10, unitPrice: '100.00' }];
    await trade.order(customer, { number: 'R-1', orderedAt: '2025-06-01', paidAmount: '1000.00', lines });
    await trade.order(customer, { number: 'R-2', orderedAt: '2025-06-01', paidAmount: '990.00', lines });
    const content = csv([
      ['Order No', 'SKU', 'Qty', 'Unit Price'],
      ['R-1', 'TEA-P', '-1', '100'],
      ['R-2', 'TEA-P', '-1', '10'],
    ]);
    expect(await importFile('lines.csv', content, true)).toMatchObject({
      kind: 'ORDER_LINES',
      errors: [
        {
          line: 2,
          column: 'Qty',
          message: 'Qty would lower order "R-1" to 900.00, below the 1000.00 paid and returned',
        },
      ],
    });
  });
});
