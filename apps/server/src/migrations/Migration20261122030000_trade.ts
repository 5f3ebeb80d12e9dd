import { Migration } from '@mikro-orm/migrations';

const audited = `
  id uuid primary key,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1`;

/**
 * Trade records (交易状况): products, orders and their lines, plus the analytics snapshots that serve the
 * default-period ABC grades and risk assessments to list queries over a million customers.
 */
export class Migration20261122030000_trade extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table product (${audited},
        sku varchar(64) not null,
        name varchar(200) not null,
        category varchar(100)
      )`);
    this.addSql('create unique index product_sku_unique on product (sku)');
    this.addSql('create index product_category_index on product (category)');

    // "order" is a reserved word; the table is sales_order, the entity and API say Order.
    this.addSql(`
      create table sales_order (${audited},
        number varchar(40) not null,
        customer_id uuid not null references customer (id) on delete restrict,
        ordered_at date not null,
        due_date date,
        region varchar(100),
        rep_id uuid references staff (id) on delete set null,
        total numeric(14, 2) not null default 0,
        paid_amount numeric(14, 2) not null default 0 check (paid_amount >= 0),
        check (due_date is null or due_date >= ordered_at)
      )`);
    this.addSql('create unique index sales_order_number_unique on sales_order (number)');
    this.addSql(
      'create index sales_order_customer_index on sales_order (customer_id, ordered_at desc, id desc)',
    );
    this.addSql('create index sales_order_ordered_at_index on sales_order (ordered_at)');
    this.addSql('create index sales_order_rep_id_index on sales_order (rep_id)');
    // Receivables: only orders not fully paid, which the risk rules scan.
    this.addSql(
      'create index sales_order_open_index on sales_order (customer_id, due_date) where total > paid_amount',
    );

    // customer_id and ordered_at repeat the order's so that revenue over a period is one scan of this table
    // (a fact table): the writer of a line copies them from its order.
    this.addSql(`
      create table order_line (
        id bigint generated always as identity primary key,
        order_id uuid not null references sales_order (id) on delete cascade,
        customer_id uuid not null,
        ordered_at date not null,
        product_id uuid not null references product (id) on delete restrict,
        quantity int not null check (quantity <> 0),
        unit_price numeric(14, 2) not null check (unit_price >= 0),
        discount numeric(5, 4) not null default 0 check (discount >= 0 and discount <= 1),
        amount numeric(14, 2) generated always as (round(quantity * unit_price * (1 - discount), 2)) stored
      )`);
    this.addSql('create index order_line_order_id_index on order_line (order_id, id)');
    this.addSql(
      'create index order_line_period_index on order_line (ordered_at) include (customer_id, amount)',
    );
    this.addSql('create index order_line_product_id_index on order_line (product_id)');

    // One row per customer for the default period (trailing 12 months), refreshed as a whole.
    this.addSql(`
      create table analytics_snapshot (
        id smallint primary key default 1 check (id = 1),
        period_from date not null,
        period_to date not null,
        a_share float8 not null,
        b_share float8 not null,
        total_revenue numeric(16, 2) not null,
        as_of timestamptz not null
      )`);
    this.addSql(`
      create table abc_grade (
        customer_id uuid primary key references customer (id) on delete cascade,
        class char(1) not null check (class in ('A', 'B', 'C')),
        revenue numeric(16, 2) not null default 0,
        rank int,
        share float8 not null default 0,
        cumulative_share float8 not null default 0,
        previous_class char(1) check (previous_class in ('A', 'B', 'C'))
      )`);
    this.addSql('create index abc_grade_revenue_sort on abc_grade (revenue, customer_id)');
    this.addSql('create index abc_grade_class_revenue_sort on abc_grade (class, revenue, customer_id)');
    this.addSql(`
      create table risk_assessment (
        customer_id uuid primary key references customer (id) on delete cascade,
        level text not null default 'NONE' check (level in ('HIGH', 'MEDIUM', 'LOW', 'NONE')),
        score int not null default 0,
        signals jsonb not null default '[]',
        evaluated_at timestamptz not null default now()
      )`);
    this.addSql('create index risk_assessment_score_sort on risk_assessment (score, customer_id)');
    this.addSql(
      'create index risk_assessment_level_score_sort on risk_assessment (level, score, customer_id)',
    );

    // A new customer is a C customer with no revenue and no risk signal until the next refresh says
    // otherwise, so list queries joining the snapshots never lose it.
    // Statement-level with a transition table: a bulk insert of a million customers adds two set-based
    // inserts, not two million row triggers.
    this.addSql(`
      create function customer_snapshot_rows() returns trigger language plpgsql as $$
      begin
        insert into abc_grade (customer_id, class) select id, 'C' from inserted on conflict do nothing;
        insert into risk_assessment (customer_id) select id from inserted on conflict do nothing;
        return null;
      end $$`);
    this.addSql(`create trigger customer_snapshot_rows after insert on customer
      referencing new table as inserted for each statement execute function customer_snapshot_rows()`);
    this.addSql(`insert into abc_grade (customer_id, class) select id, 'C' from customer`);
    this.addSql(`insert into risk_assessment (customer_id) select id from customer`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger customer_snapshot_rows on customer');
    this.addSql('drop function customer_snapshot_rows()');
    for (const table of [
      'risk_assessment',
      'abc_grade',
      'analytics_snapshot',
      'order_line',
      'sales_order',
      'product',
    ]) {
      this.addSql(`drop table ${table}`);
    }
  }
}
