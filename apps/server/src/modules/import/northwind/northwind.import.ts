import type { EntityManager } from '@mikro-orm/postgresql';
import { Customer } from '../../customer/customer.entity.js';
import { reserveCustomerCodes } from '../../customer/customer-code.js';
import { ChangeBatch, recordCreates } from '../../history/history.writer.js';
import { KeyPerson } from '../../key-person/key-person.entity.js';
import { refreshRiskAssessments } from '../../risk/risk.refresh.js';
import { Order } from '../../trade/order.entity.js';
import { Payment } from '../../trade/payment.entity.js';
import { tableStatements } from './northwind.dump.js';
import { NORTHWIND_REGIONS, OTHER_REGION } from './northwind.regions.js';

/** The dump is loaded here, inside the importing transaction, and dropped again before it commits. */
const NW = 'northwind_import';

export class NorthwindClash extends Error {}

export interface NorthwindCounts {
  staff: number;
  products: number;
  customers: number;
  keyPersons: number;
  orders: number;
  orderLines: number;
  payments: number;
}

const REGION_VALUES = Object.entries(NORTHWIND_REGIONS).flat();
const regions = () =>
  `regions (country, region) as (values ${Object.keys(NORTHWIND_REGIONS)
    .map(() => '(?, ?)')
    .join(', ')})`;

async function loadDump(em: EntityManager, dump: string): Promise<void> {
  const statements = tableStatements(dump);
  if (!statements.some((statement) => /^create table customers\b/i.test(statement))) {
    throw new NorthwindClash('this is not the Northwind dump: it creates no customers table');
  }
  const [saved] = await em.execute<Array<{ path: string }>>("select current_setting('search_path') as path");
  await em.execute(`create schema ${NW}`);
  await em.execute(`select set_config('search_path', '${NW}', true)`);
  await em.execute(statements.join(';\n'));
  await em.execute("select set_config('search_path', ?, true)", [saved?.path ?? 'public']);
  // Our ids for their rows, so every insert below can join old keys to new ones.
  for (const table of ['employees', 'customers', 'products', 'orders']) {
    await em.execute(
      `alter table ${NW}.${table} add column dossier_id uuid not null default gen_random_uuid()`,
    );
  }
}

/** Northwind goes in once: a second run (or data with its keys) is refused before anything is written. */
async function refuseClashes(em: EntityManager): Promise<void> {
  const clashes = await em.execute<Array<{ clash: string }>>(
    `select 'customer code ' || customer_id as clash from ${NW}.customers where customer_id in (select code from customer)
     union all select 'order number NW-' || order_id from ${NW}.orders
       where 'NW-' || order_id in (select number from sales_order)
     union all select 'staff e-mail ' || ${emailOf('e')} from ${NW}.employees e
       where ${emailOf('e')} in (select lower(email) from staff)
     limit 5`,
  );
  if (clashes.length > 0) {
    throw new NorthwindClash(
      `Northwind is already imported here (${clashes.map((row) => row.clash).join(', ')}, …); nothing was imported`,
    );
  }
}

function emailOf(alias: string): string {
  return `lower(${alias}.first_name || '.' || ${alias}.last_name) || '@northwind.example'`;
}

const run = async (em: EntityManager, sql: string, params: unknown[] = []) =>
  (await em.execute<{ affectedRows: number }>(sql, params, 'run')).affectedRows;

/**
 * Loads the Northwind dump beside whatever the database holds, set-based, in the caller's transaction:
 * employees become staff (no password: they cannot sign in; whoever others report to is a sales manager),
 * customers keep their Northwind id as code, contacts become key persons, orders are numbered NW-<id>.
 */
export async function importNorthwind(em: EntityManager, dump: string, actorId: string | null) {
  await loadDump(em, dump);
  await refuseClashes(em);
  // Northwind ids (ALFKI…) are kept as codes; should one look generated, createCustomer must skip it.
  const codes = await em.execute<Array<{ code: string }>>(`select customer_id as code from ${NW}.customers`);
  await reserveCustomerCodes(
    em,
    codes.map((row) => row.code),
  );
  const batch = new ChangeBatch(actorId);
  const counts: Omit<NorthwindCounts, 'payments'> = {
    staff: await run(
      em,
      `insert into staff (id, name, title, email, role, manager_id)
       select e.dossier_id, e.first_name || ' ' || e.last_name, e.title, ${emailOf('e')},
              case when exists (select 1 from ${NW}.employees r where r.reports_to = e.employee_id)
                   then 'SALES_MANAGER' else 'SALES_REP' end,
              m.dossier_id
       from ${NW}.employees e left join ${NW}.employees m on m.employee_id = e.reports_to`,
    ),
    products: await run(
      em,
      `insert into product (id, sku, name, category)
       select p.dossier_id, 'NW-P' || lpad(p.product_id::text, 3, '0'), p.product_name, c.category_name
       from ${NW}.products p left join ${NW}.categories c on c.category_id = p.category_id`,
    ),
    customers: await recordCreates(em, batch, {
      entity: Customer,
      ctes: [regions()],
      created: `insert into customer (id, code, name, nature, lifecycle, region, city, address, phone)
         select c.dossier_id, c.customer_id, c.company_name, 'COMPANY',
                case when exists (select 1 from ${NW}.orders o where o.customer_id = c.customer_id)
                     then 'ACTIVE' else 'PROSPECT' end,
                coalesce(r.region, '${OTHER_REGION}'), c.city, c.address, c.phone
         from ${NW}.customers c left join regions r on r.country = c.country
         returning *, id as customer_id`,
      params: REGION_VALUES,
    }),
    keyPersons: await recordCreates(em, batch, {
      entity: KeyPerson,
      created: `insert into key_person (id, customer_id, name, title)
         select gen_random_uuid(), c.dossier_id, c.contact_name, c.contact_title
         from ${NW}.customers c where c.contact_name is not null
         returning *`,
      params: [],
    }),
    orders: await run(
      em,
      `with ${regions()}
       insert into sales_order (id, number, customer_id, ordered_at, due_date, region, rep_id)
       select o.dossier_id, 'NW-' || o.order_id, c.dossier_id, o.order_date, o.required_date,
              coalesce(r.region, '${OTHER_REGION}'), e.dossier_id
       from ${NW}.orders o
       join ${NW}.customers c on c.customer_id = o.customer_id
       left join ${NW}.employees e on e.employee_id = o.employee_id
       left join regions r on r.country = o.ship_country`,
      REGION_VALUES,
    ),
    // Prices and discounts are float4 in the dump: numeric keeps them as printed (9.8, not 9.80000019).
    orderLines: await run(
      em,
      `insert into order_line (order_id, customer_id, ordered_at, product_id, quantity, unit_price, discount)
       select so.id, so.customer_id, so.ordered_at, p.dossier_id, d.quantity,
              d.unit_price::numeric(14, 2), d.discount::numeric(5, 4)
       from ${NW}.order_details d
       join ${NW}.orders o on o.order_id = d.order_id
       join sales_order so on so.id = o.dossier_id
       join ${NW}.products p on p.product_id = d.product_id`,
    ),
  };
  await em.execute(
    `update sales_order so set total = s.total
     from (select l.order_id, sum(l.amount) as total from order_line l
           join ${NW}.orders o on o.dossier_id = l.order_id group by l.order_id) s
     where so.id = s.order_id`,
  );
  // Recorded once the total is in, so the history shows each order as it was created, before its payment.
  await recordCreates(em, batch, {
    entity: Order,
    created: `select so.* from sales_order so join ${NW}.orders o on o.dossier_id = so.id`,
    params: [],
  });
  // A shipped order counts as paid in full, in one payment on the day it shipped; the 21 not yet shipped
  // when the data ends are open.
  const payments = await recordCreates(em, batch, {
    entity: Payment,
    created: `insert into payment (id, order_id, paid_on, amount)
       select gen_random_uuid(), so.id, o.shipped_date::date, so.total
       from ${NW}.orders o join sales_order so on so.id = o.dossier_id
       where o.shipped_date is not null and so.total > 0
       returning *, (select customer_id from sales_order where id = order_id) as customer_id`,
    params: [],
  });
  await em.execute(`drop schema ${NW} cascade`);
  await refreshRiskAssessments(em, [...batch.customers]);
  return { ...counts, payments };
}
