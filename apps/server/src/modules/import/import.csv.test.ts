import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Staff } from '../staff/staff.entity.js';
import { csv, customerRows } from './import.fixtures.js';

const db = await testDatabase();
const build = builders(db.orm);
let importer: Staff;

beforeAll(async () => {
  importer = await build.staff({ name: '王五' }, StaffRole.ADMIN);
  await build.staff({ name: '离职员工', active: false });
  await build.customer({ code: 'TAKEN-1' });
});

const IMPORT = `mutation ($input: ImportRecordsInput!) {
  importRecords(input: $input) {
    kind dryRun rows ignoredColumns
    imported { customers keyPersons orders orderLines products }
    errors { line column message }
  }
}`;

type Report = {
  kind: string | null;
  dryRun: boolean;
  rows: number;
  ignoredColumns: string[];
  imported: Record<string, number>;
  errors: Array<{ line: number; column: string | null; message: string }>;
};

async function importCsv(content: Buffer, dryRun = false) {
  const result = await db.execute<{ importRecords: Report }>(
    IMPORT,
    { input: { fileName: 'customers.csv', contentBase64: content.toString('base64'), dryRun } },
    { viewer: importer },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.importRecords as Report;
}

const HEADER = ['Customer Code', 'Name', 'Nature', 'Region', 'Phone', 'Notes'];

/** 1,000 customers of which lines 101, 502 and 1001 (header = line 1) are bad. */
function thousandWithThreeBad() {
  const rows = customerRows('ACC', 1000).map((row) => [...row, 'ignored']);
  const bad = rows.map((row) => [...row]);
  (bad[99] as string[])[1] = '';
  (bad[500] as string[])[2] = '国企';
  (bad[999] as string[])[0] = 'TAKEN-1';
  return { good: csv([HEADER, ...rows]), bad: csv([HEADER, ...bad]) };
}

const THREE_ERRORS = [
  { line: 101, column: 'Name', message: 'Name must not be empty' },
  {
    line: 502,
    column: 'Nature',
    message: 'Nature must be one of GOVERNMENT, SPECIAL, COMPANY, INDIVIDUAL, PARTNER',
  },
  { line: 1001, column: 'Customer Code', message: 'Customer Code "TAKEN-1" already exists' },
];

describe('importing a customer CSV', () => {
  it('reports exactly the 3 bad rows of 1,000, in a dry run and a real run, and writes nothing', async () => {
    const { bad } = thousandWithThreeBad();
    const before = await tableCounts(db.orm);
    for (const dryRun of [true, false]) {
      expect(await importCsv(bad, dryRun)).toEqual({
        kind: 'CUSTOMERS',
        dryRun,
        rows: 1000,
        ignoredColumns: ['Notes'],
        imported: { customers: 0, keyPersons: 0, orders: 0, orderLines: 0, products: 0 },
        errors: THREE_ERRORS,
      });
    }
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('imports all 1,000 once fixed, with one CREATE change each by the importer', async () => {
    const { good } = thousandWithThreeBad();
    const before = await tableCounts(db.orm);
    const dry = await importCsv(good, true);
    expect(dry).toMatchObject({ dryRun: true, errors: [], imported: { customers: 1000 } });
    expect(await tableCounts(db.orm)).toEqual(before);

    const done = await importCsv(good);
    expect(done).toMatchObject({ kind: 'CUSTOMERS', dryRun: false, rows: 1000, errors: [] });
    expect(done.imported).toEqual({ customers: 1000, keyPersons: 0, orders: 0, orderLines: 0, products: 0 });
    const after = await tableCounts(db.orm);
    expect(after.customer).toBe((before.customer ?? 0) + 1000);
    expect(after.change).toBe((before.change ?? 0) + 1000);

    const [row] = await db.orm.em.fork().execute(
      `select c.name, c.nature, c.tier, c.lifecycle, c.region, c.phone, c.version, g.class,
              (select count(*)::int from change ch
               where ch.entity_id = c.id and ch.action = 'CREATE' and ch.actor_id = ?) as changes
       from customer c join abc_grade g on g.customer_id = c.id where c.code = 'ACC-0002'`,
      [importer.id],
    );
    expect(row).toEqual({
      name: 'Customer ACC 0002',
      nature: 'GOVERNMENT',
      tier: 'GENERAL',
      lifecycle: 'PROSPECT',
      region: 'East',
      phone: '021-5555 0000',
      version: 1,
      class: 'C',
      changes: 1,
    });
  });
});

describe('checking customer rows', () => {
  const HEADERS = ['Customer Code', 'Name', 'Owner', 'Website', 'Credit Limit'];
  const row = (overrides: Record<number, string>) =>
    ['OK-1', 'Fine Ltd', '王五', 'fine.example.com', '¥1,500,000.50'].map((cell, i) => overrides[i] ?? cell);

  it('reads an owner by name and money written the spreadsheet way', async () => {
    const done = await importCsv(csv([HEADERS, row({ 0: 'MONEY-1' })]));
    expect(done).toMatchObject({ errors: [], imported: { customers: 1 } });
    const [customer] = await db.orm.em
      .fork()
      .execute(`select credit_limit, owner_id, website from customer where code = 'MONEY-1'`);
    expect(customer).toEqual({
      credit_limit: '1500000.50',
      owner_id: importer.id,
      website: 'fine.example.com',
    });
  });

  it.each([
    [{ 0: 'OK-1' }, 'Customer Code', 'Customer Code repeats "OK-1" of line 2'],
    [{ 0: 'has space' }, 'Customer Code', 'Customer Code must be 1–32 letters, digits, ".", "_" or "-"'],
    [{ 2: '离职员工' }, 'Owner', 'Owner has left the company (inactive)'],
    [{ 2: 'ghost@example.com' }, 'Owner', 'Owner names no staff member (give an e-mail or full name)'],
    [{ 3: 'not a site' }, 'Website', 'Website must be a web address'],
    [{ 4: '-5' }, 'Credit Limit', 'Credit Limit must be an amount such as 1234.50, not negative'],
    [
      { 1: 'Fine\u0000Ltd' },
      'Name',
      'Name contains a control character (U+0000 at position 5) that text cannot hold',
    ],
    [
      { 1: '\u0000' },
      'Name',
      'Name contains a control character (U+0000 at position 1) that text cannot hold',
    ],
    [
      { 3: 'fine\u001b.example.com' },
      'Website',
      'Website contains a control character (U+001B at position 5) that text cannot hold',
    ],
  ])('refuses a row with %j: %s', async (overrides, column, message) => {
    const done = await importCsv(csv([HEADERS, row({}), row({ 0: 'OK-2', ...overrides })]), true);
    expect(done.errors).toEqual([{ line: 3, column, message }]);
  });
});

describe('refusing what cannot be read', () => {
  it.each([
    [
      [['Order No', 'Qty']],
      null,
      'the headers fit no kind of record; name the kind (customers, key-persons, orders, order-lines)',
    ],
    [
      [['Order No', 'Customer Code', 'Order Date', 'SKU', 'Qty']],
      null,
      'orders need a column "单价" / "unit price" / "price"',
    ],
    [
      [['Order No', 'Order No.', 'Customer Code', 'Order Date']],
      'Order No.',
      'means the same as column "Order No"',
    ],
  ])('refuses the header row %j', async ([header], column, message) => {
    const done = await importCsv(csv([header as string[], (header as string[]).map(() => 'x')]));
    expect(done.errors).toEqual([{ line: 1, column, message }]);
  });

  it.each([
    [{ fileName: 'orders.pdf', contentBase64: '' }, 'input.fileName'],
    [{ fileName: 'orders.csv', contentBase64: '不是base64' }, 'input.contentBase64'],
  ])('refuses %j naming %s', async (input, field) => {
    const result = await db.execute(IMPORT, { input }, { viewer: importer });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses anonymous callers', async () => {
    const result = await db.execute(IMPORT, { input: { fileName: 'a.csv', contentBase64: '' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
