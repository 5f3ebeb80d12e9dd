import { readFileSync } from 'node:fs';
import { formatCents, lineAmountCents } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../../test/builders.js';
import { testDatabase } from '../../../../test/harness.js';
import { importNorthwind, NorthwindClash } from './northwind.import.js';

const DUMP_PATH = new URL('../../../../../../../shared/data/northwind/northwind.sql', import.meta.url);
const dump = readFileSync(DUMP_PATH, 'utf8');
const db = await testDatabase();
const build = builders(db.orm);

/** The VALUES of every `INSERT INTO <table>` line of the dump, split naively: enough for numbers. */
const valuesOf = (table: string) =>
  dump
    .split('\n')
    .filter((line) => line.startsWith(`INSERT INTO ${table} VALUES (`))
    .map((line) => line.slice(line.indexOf('(') + 1, line.lastIndexOf(')')).split(', '));

const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  db.orm.em.fork().execute<T[]>(sql, params);

let importer: { id: string };
let counts: Awaited<ReturnType<typeof importNorthwind>>;

beforeAll(async () => {
  importer = await build.staff({ email: 'importer@example.com' });
  await build.customer({ code: 'OWN-1' });
  counts = await db.orm.em.fork().transactional((em) => importNorthwind(em, dump, importer.id));
});

describe('importing Northwind', () => {
  it('imports every customer, employee, order, line and product of the dump', () => {
    const fromDump = {
      staff: valuesOf('employees').length,
      products: valuesOf('products').length,
      customers: valuesOf('customers').length,
      keyPersons: valuesOf('customers').length,
      orders: valuesOf('orders').length,
      orderLines: valuesOf('order_details').length,
      payments: valuesOf('orders').filter((row) => row[5] !== 'NULL').length,
    };
    expect(fromDump).toEqual({
      staff: 9,
      products: 77,
      customers: 91,
      keyPersons: 91,
      orders: 830,
      orderLines: 2155,
      payments: 809,
    });
    expect(counts).toEqual(fromDump);
  });

  it('totals the lines to the cent as the raw dump values do, and each order to its lines', async () => {
    const expected = valuesOf('order_details').reduce((sum, [, , price, quantity, discount]) => {
      const cents = lineAmountCents(Number(quantity), Number(price).toFixed(2), Number(discount).toFixed(4));
      return sum + cents;
    }, 0n);
    const [sums] = await query<{ lines: string; orders: string; mismatched: number }>(
      `select (select sum(amount) from order_line l join sales_order o on o.id = l.order_id where o.number like 'NW-%') as lines,
              (select sum(total) from sales_order where number like 'NW-%') as orders,
              (select count(*)::int from sales_order o where number like 'NW-%'
                 and total <> (select sum(amount) from order_line l where l.order_id = o.id)) as mismatched`,
    );
    expect(formatCents(expected)).toBe('1265793.29');
    expect(sums).toEqual({ lines: '1265793.29', orders: '1265793.29', mismatched: 0 });
  });

  it('keeps Northwind ids as codes, maps countries to regions and contacts to key persons', async () => {
    const [alfki] = await query(
      `select c.code, c.name, c.nature, c.lifecycle, c.region, c.city, c.address, c.phone, k.name as contact, k.title
       from customer c join key_person k on k.customer_id = c.id where c.code = 'ALFKI'`,
    );
    expect(alfki).toEqual({
      code: 'ALFKI',
      name: 'Alfreds Futterkiste',
      nature: 'COMPANY',
      lifecycle: 'ACTIVE',
      region: 'Europe',
      city: 'Berlin',
      address: 'Obere Str. 57',
      phone: '030-0074321',
      contact: 'Maria Anders',
      title: 'Sales Representative',
    });
    const regions = await query(
      `select region, count(*)::int as customers from customer where code <> 'OWN-1' group by region order by region`,
    );
    expect(regions).toEqual([
      { region: 'Europe', customers: 54 },
      { region: 'North America', customers: 21 },
      { region: 'South America', customers: 16 },
    ]);
    const [prospects] = await query(
      `select count(*)::int as n from customer where lifecycle = 'PROSPECT' and code <> 'OWN-1'`,
    );
    expect(prospects).toEqual({ n: 2 });
  });

  it('numbers orders NW-<id> with due date, region and rep, paid in full by a payment once shipped', async () => {
    const [order] = await query(
      `select o.number, o.ordered_at, o.due_date, o.region, o.total, o.paid_amount, s.name as rep, p.sku, p.name as product, p.category
       from sales_order o join staff s on s.id = o.rep_id
       join order_line l on l.order_id = o.id join product p on p.id = l.product_id
       where o.number = 'NW-10248' order by l.id limit 1`,
    );
    expect(order).toEqual({
      number: 'NW-10248',
      ordered_at: '1996-07-04',
      due_date: '1996-08-01',
      region: 'Europe',
      total: '440.00',
      paid_amount: '440.00',
      rep: 'Steven Buchanan',
      sku: 'NW-P011',
      product: 'Queso Cabrales',
      category: 'Dairy Products',
    });
    const [payment] = await query(
      `select p.paid_on, p.amount, c.action from payment p join sales_order o on o.id = p.order_id
       join change c on c.entity_id = p.id where o.number = 'NW-10248'`,
    );
    expect(payment).toEqual({ paid_on: '1996-07-16', amount: '440.00', action: 'CREATE' });
    const [open] = await query(
      `select count(*)::int as n from sales_order where number like 'NW-%' and paid_amount = 0 and total > 0`,
    );
    expect(open).toEqual({ n: valuesOf('orders').filter((row) => row[5] === 'NULL').length });
  });

  it('makes employees staff who cannot sign in, managers being those others report to', async () => {
    const staff = await query(
      `select name, email, role, password_hash from staff where email like '%@northwind.example' and role = 'SALES_MANAGER' order by name`,
    );
    expect(staff).toEqual([
      {
        name: 'Andrew Fuller',
        email: 'andrew.fuller@northwind.example',
        role: 'SALES_MANAGER',
        password_hash: null,
      },
      {
        name: 'Steven Buchanan',
        email: 'steven.buchanan@northwind.example',
        role: 'SALES_MANAGER',
        password_hash: null,
      },
    ]);
    const login = await db.execute(
      'mutation { login(email: "nancy.davolio@northwind.example", password: "x") { staff { name } } }',
    );
    expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('records one CREATE change per customer, key person, order and payment, by the importer', async () => {
    const changes = await query(
      `select entity_type, count(*)::int as n from change where actor_id = ? and action = 'CREATE'
       group by entity_type order by entity_type`,
      [importer.id],
    );
    expect(changes).toEqual([
      { entity_type: 'Customer', n: 91 },
      { entity_type: 'KeyPerson', n: 91 },
      { entity_type: 'Order', n: 830 },
      { entity_type: 'Payment', n: 809 },
    ]);
    // Each order's CREATE shows it as the import left it: its total is the sum of its lines.
    const [wrongTotals] = await query(
      `select count(*)::int as n from change c
       join sales_order so on so.id = c.entity_id
       left join field_change f on f.change_id = c.id and f.field = 'total'
       where c.entity_type = 'Order' and f.after is distinct from so.total::text`,
    );
    expect(wrongTotals).toEqual({ n: 0 });
    const [scratch] = await query(
      `select count(*)::int as schemas, current_setting('search_path') as path from pg_namespace where nspname = 'northwind_import'`,
    );
    expect(scratch).toEqual({ schemas: 0, path: '"$user", public' });
  });

  it('refuses a second run and changes nothing', async () => {
    const before = await tableCounts(db.orm);
    await expect(db.orm.em.fork().transactional((em) => importNorthwind(em, dump, null))).rejects.toThrow(
      new NorthwindClash(
        'Northwind is already imported here (customer code ALFKI, customer code ANATR, customer code ANTON, customer code AROUT, customer code BERGS, …); nothing was imported',
      ),
    );
    expect(await tableCounts(db.orm)).toEqual(before);
  });
});
