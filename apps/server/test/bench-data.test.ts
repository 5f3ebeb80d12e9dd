import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchSize } from '../bench/generate.js';
import { bulkSessions, loadBenchData } from '../bench/load.js';
import { emptyForLoad } from '../bench/load-schema.js';
import { testDatabase } from './harness.js';

// `pnpm bench:data` at a small size: the same statements as the million-customer run.

const size: BenchSize = { customers: 2000, orders: 6000, lines: 20_000, today: '2026-11-22' };
const db = await testDatabase();
const twin = await testDatabase();
const pools = [bulkSessions(db.url), bulkSessions(twin.url)] as const;
const [pool] = pools;
const one = async <T>(query: string, params: unknown[] = []) =>
  (await pool.query(query, params)).rows[0] as T;

/** Every key, unique constraint, foreign key and index of the schema, as DDL. */
const catalog = async () =>
  (
    await pool.query<{ ddl: string }>(
      `select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) as ddl
       from pg_constraint where connamespace = current_schema()::regnamespace and contype in ('p', 'u', 'f')
       union all
       select pg_get_indexdef(indexrelid) from pg_index i join pg_class c on c.oid = i.indrelid
       where c.relnamespace = current_schema()::regnamespace
       order by 1`,
    )
  ).rows.map((row) => row.ddl);

let schemaBefore: string[] = [];

beforeAll(async () => {
  schemaBefore = await catalog();
  await loadBenchData(pools[0], size);
  await loadBenchData(pools[1], size);
});

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

describe('bench:data', () => {
  it('fills the tables with exactly the customers, orders and lines asked for, over two years', async () => {
    const counts = await one(
      `select (select count(*)::int from customer) as customers, (select count(*)::int from sales_order) as orders,
              (select count(*)::int from order_line) as lines, (select count(*)::int from product) as products,
              (select count(*)::int from abc_grade) as grades, (select count(*)::int from risk_assessment) as risks,
              (select count(*)::int from staff where role = 'ADMIN') as admins,
              (select min(ordered_at)::text from sales_order) as first, (select max(ordered_at)::text from sales_order) as last`,
    );
    expect(counts).toEqual({
      customers: 2000,
      orders: 6000,
      lines: 20_000,
      products: 60,
      grades: 2000,
      risks: 2000,
      admins: 1,
      first: '2024-11-23',
      last: '2026-11-22',
    });
  });

  it('gives each customer 3 to 12 key persons under the first, known to its owner or its region’s manager', async () => {
    const people = await one(
      `select min(n)::int as min, max(n)::int as max,
              (select count(*)::int from key_person where reports_to_id is null) as heads
       from (select count(*) as n from key_person group by customer_id) per_customer`,
    );
    expect(people).toEqual({ min: 3, max: 12, heads: size.customers });
    // A manager's book stays their region's: every relationship is the owner's or the owner's manager's.
    const links = await one<{ links: number; owners: number; managers: number }>(
      `select count(*)::int as links,
              count(*) filter (where r.staff_id = c.owner_id)::int as owners,
              count(*) filter (where r.staff_id = o.manager_id)::int as managers
       from relationship r join key_person kp on kp.id = r.key_person_id join customer c on c.id = kp.customer_id
       join staff o on o.id = c.owner_id`,
    );
    expect(links.owners + links.managers).toBe(links.links);
    expect(links.managers).toBeGreaterThan(0);
  });

  it('records one state change per relationship in the history, and fills roles, projects and events', async () => {
    const history = await one<{
      relationships: number;
      changes: number;
      states: number;
      roles: boolean;
      events: boolean;
    }>(
      `select (select count(*)::int from relationship) as relationships, (select count(*)::int from change) as changes,
              (select count(*)::int from field_change f join change c on c.id = f.change_id
               join relationship r on r.id = c.entity_id where f.after = r.state and c.customer_id is not null) as states,
              (select count(*) > 0 from decision_role_assignment) as roles,
              (select count(*) > 0 from project_event) as events`,
    );
    expect(history.relationships).toBeGreaterThan(size.customers);
    expect(history).toEqual({ ...history, changes: history.relationships, states: history.relationships });
    expect([history.roles, history.events]).toEqual([true, true]);
  });

  it("keeps each order's total equal to the sum of its lines' generated amounts", async () => {
    const orders = await one<{ inconsistent: number; returns: number; unpaid: number }>(
      `select count(*) filter (where o.total <> l.sum)::int as inconsistent,
              (select count(*)::int from order_line where quantity < 0) as returns,
              count(*) filter (where o.paid_amount < o.total and o.due_date < $1)::int as unpaid
       from sales_order o join (select order_id, sum(amount) from order_line group by order_id) l on l.order_id = o.id`,
      [size.today],
    );
    expect(orders.inconsistent).toBe(0);
    expect(orders.returns).toBeGreaterThan(100);
    expect(orders.unpaid).toBeGreaterThan(10);
  });

  it('is skewed: the top fifth of the buying customers make at least 60% of the last 12 months', async () => {
    const skew = await one<{ top_fifth: number }>(
      `with revenue as (select customer_id, sum(amount) as revenue from order_line
                        where ordered_at > $1::date - interval '12 months' group by customer_id),
            ranked as (select revenue, row_number() over (order by revenue desc) as n, count(*) over () as buyers
                       from revenue)
       select (sum(revenue) filter (where n <= ceil(buyers * 0.2)) / sum(revenue))::float8 as top_fifth from ranked`,
      [size.today],
    );
    expect(skew.top_fifth).toBeGreaterThanOrEqual(0.6);
  });

  it('makes the same rows on every run', async () => {
    const digest = async (p: (typeof pools)[number]) =>
      (
        await p.query<{ digest: string }>(
          `select md5(string_agg(row, '|' order by row)) as digest from (
             select concat_ws(',', id, code, name, owner_id, credit_limit) as row from customer
             union all select concat_ws(',', id, number, customer_id, ordered_at, total, paid_amount) from sales_order
             union all select concat_ws(',', id, order_id, product_id, quantity, unit_price, discount) from order_line
             union all select concat_ws(',', id, customer_id, name, title, reports_to_id) from key_person
             union all select concat_ws(',', id, key_person_id, staff_id, state) from relationship
             union all select concat_ws(',', id, key_person_id, role, influence) from decision_role_assignment
             union all select concat_ws(',', id, customer_id, stage, amount) from project
             union all select concat_ws(',', id, project_id, occurred_at, title) from project_event
             union all select concat_ws(',', id, entity_id, actor_id, at) from change
           ) rows`,
        )
      ).rows[0]?.digest;
    expect(await digest(pools[1])).toBe(await digest(pools[0]));
  });

  it('puts back every key, index and foreign key it dropped for the load', async () => {
    expect(await catalog()).toEqual(schemaBefore);
    const pending = await one<{ exists: boolean }>(
      `select to_regclass('bench_pending_ddl') is not null as exists`,
    );
    expect(pending.exists).toBe(false);
  });

  it('refuses to empty a database holding data it did not make, and leaves it as it was', async () => {
    const client = await pools[1].connect();
    try {
      await client.query(
        `insert into staff (id, name, email, role) values (gen_random_uuid(), '王芳', 'wang@example.com', 'ADMIN')`,
      );
      await expect(emptyForLoad(client)).rejects.toThrow(
        /refuses to empty a database holding data it did not make/,
      );
      const { rows } = await client.query('select count(*)::int as n from customer');
      expect(rows[0]).toEqual({ n: 2000 });
    } finally {
      client.release();
    }
  });
});
