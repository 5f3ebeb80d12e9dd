import { Migration } from '@mikro-orm/migrations';
import { dropRevenueRollupSql, revenueRollupSql } from '../modules/abc/revenue-rollup.sql.js';

const audited = `
  id uuid primary key,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1`;

/** The record tables that settle an order, and the order's column that sums each. */
const SETTLEMENTS = [
  { table: 'payment', column: 'paid_amount' },
  { table: 'order_return', column: 'returned_amount' },
] as const;

const STATEMENTS = {
  insert: { referencing: 'new table as added', rows: 'select order_id, amount from added' },
  delete: { referencing: 'old table as removed', rows: 'select order_id, -amount from removed' },
  update: {
    referencing: 'old table as removed new table as added',
    rows: 'select order_id, amount from added union all select order_id, -amount from removed',
  },
} as const;

type Event = keyof typeof STATEMENTS;
const EVENTS = Object.keys(STATEMENTS) as Event[];

/** Statement-level, like the revenue rollup: a bulk import of payments is one update of the orders. */
function settlementTriggerSql(table: string, column: string, event: Event): string[] {
  const { referencing, rows } = STATEMENTS[event];
  return [
    `create function ${table}_settles_${event}() returns trigger language plpgsql as $$
    begin
      update sales_order o set ${column} = o.${column} + d.amount
      from (select order_id, sum(amount) as amount from (${rows}) r (order_id, amount) group by order_id) d
      where o.id = d.order_id and d.amount <> 0;
      return null;
    end $$`,
    `create trigger ${table}_settles_${event} after ${event} on ${table} referencing ${referencing}
      for each statement execute function ${table}_settles_${event}()`,
  ];
}

/**
 * Payments (付款记录) and returns/discounts (退赔折价) as records of their own, each versioned and in the
 * dossier's history. They are the one source of truth for what an order has been paid and credited:
 * sales_order.paid_amount and returned_amount are their sums, kept by triggers in the same statement and
 * written by nothing else (a guard refuses any other write), so the receivable rules read one row per
 * order. A return lowers revenue on the ORDER's date (a row of customer_day_revenue, like a line), so
 * "orders dated in the period, less returns" holds for every period whenever the return was booked.
 */
export class Migration20261129030000_payments_returns extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table payment (${audited},
        order_id uuid not null references sales_order (id) on delete cascade,
        paid_on date not null,
        amount numeric(14, 2) not null check (amount > 0),
        method varchar(40),
        note text
      )`);
    this.addSql('create index payment_order_index on payment (order_id, paid_on, id)');
    // customer_id and ordered_at repeat the order's, as on order_line: the revenue rollup reads them from
    // the rows a statement wrote, even when the order is being deleted in the same statement.
    this.addSql(`
      create table order_return (${audited},
        order_id uuid not null references sales_order (id) on delete cascade,
        customer_id uuid not null,
        ordered_at date not null,
        returned_on date not null check (returned_on >= ordered_at),
        amount numeric(14, 2) not null check (amount > 0),
        reason text not null
      )`);
    this.addSql('create index order_return_order_index on order_return (order_id, returned_on, id)');
    this.addSql(
      `alter table sales_order add column returned_amount numeric(14, 2) not null default 0
         check (returned_amount >= 0)`,
    );

    // What was paid before payments were recorded becomes one payment on the order's date: the only date
    // known to be neither before the order nor in the future.
    this.addSql(`
      insert into payment (id, order_id, paid_on, amount, note)
      select gen_random_uuid(), id, ordered_at, paid_amount, '期初已付 / paid before payments were recorded'
      from sales_order where paid_amount > 0`);

    for (const { table, column } of SETTLEMENTS) {
      for (const event of EVENTS)
        for (const sql of settlementTriggerSql(table, column, event)) this.addSql(sql);
    }
    // Depth 1 is a statement of a client; the settlement triggers write at depth 2.
    this.addSql(`
      create function sales_order_settlement_guard() returns trigger language plpgsql as $$
      begin
        if pg_trigger_depth() = 1 then
          raise exception 'sales_order.paid_amount and returned_amount are sums of payment and order_return: write those'
            using errcode = 'check_violation';
        end if;
        return new;
      end $$`);
    this.addSql(`create trigger sales_order_settlement_insert before insert on sales_order for each row
      when (new.paid_amount <> 0 or new.returned_amount <> 0) execute function sales_order_settlement_guard()`);
    this.addSql(`create trigger sales_order_settlement_update before update on sales_order for each row
      when (new.paid_amount <> old.paid_amount or new.returned_amount <> old.returned_amount)
      execute function sales_order_settlement_guard()`);

    for (const sql of revenueRollupSql({ table: 'order_return', credit: '-' })) this.addSql(sql);
    // Emptying either table leaves the other's rows in the rollup: rebuild it from what remains.
    this.addSql(`
      create or replace function order_line_revenue_truncate() returns trigger language plpgsql as $$
      begin
        truncate customer_day_revenue;
        insert into customer_day_revenue (customer_id, day, cents, line_count)
        select customer_id, ordered_at, sum((amount * 100)::bigint), count(*)
        from order_revenue group by customer_id, ordered_at;
        return null;
      end $$`);
    this.addSql(`create trigger order_return_revenue_truncate after truncate on order_return
      for each statement execute function order_line_revenue_truncate()`);

    // Receivables: only orders with something left to pay, which the risk rules scan.
    this.addSql('drop index sales_order_open_index');
    this.addSql(`create index sales_order_open_index on sales_order (customer_id, due_date)
      where total > paid_amount + returned_amount`);

    // Revenue by any dimension: the order lines, and each return as a credit without a product.
    this.addSql(`
      create view order_revenue as
      select order_id, customer_id, ordered_at, product_id, amount from order_line
      union all
      select order_id, customer_id, ordered_at, null, -amount from order_return`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger order_return_revenue_truncate on order_return');
    this.addSql(`
      create or replace function order_line_revenue_truncate() returns trigger language plpgsql as $$
      begin
        truncate customer_day_revenue;
        return null;
      end $$`);
    this.addSql('drop view order_revenue');
    this.addSql('drop index sales_order_open_index');
    this.addSql(
      'create index sales_order_open_index on sales_order (customer_id, due_date) where total > paid_amount',
    );
    for (const sql of dropRevenueRollupSql('order_return')) this.addSql(sql);
    this.addSql('drop trigger sales_order_settlement_update on sales_order');
    this.addSql('drop trigger sales_order_settlement_insert on sales_order');
    this.addSql('drop function sales_order_settlement_guard()');
    for (const { table } of SETTLEMENTS) {
      for (const event of EVENTS) {
        this.addSql(`drop trigger ${table}_settles_${event} on ${table}`);
        this.addSql(`drop function ${table}_settles_${event}()`);
      }
    }
    this.addSql('alter table sales_order drop column returned_amount');
    this.addSql('drop table order_return');
    this.addSql('drop table payment');
  }
}
