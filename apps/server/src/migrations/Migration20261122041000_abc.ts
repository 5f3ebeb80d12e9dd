import { Migration } from '@mikro-orm/migrations';

type Event = 'insert' | 'update' | 'delete';

const signed = (table: string, sign: '' | '-') =>
  `select customer_id, ordered_at as day, ${sign}(amount * 100)::bigint as cents, ${sign}1 as lines from ${table}`;

/** What each statement adds to the rollup: the rows it wrote, less the rows it replaced or removed. */
const CHANGES: Record<Event, { referencing: string; rows: string; shrunk: string | null }> = {
  insert: { referencing: 'new table as added', rows: signed('added', ''), shrunk: null },
  delete: { referencing: 'old table as removed', rows: signed('removed', '-'), shrunk: 'removed' },
  update: {
    referencing: 'old table as removed new table as added',
    rows: `${signed('added', '')} union all ${signed('removed', '-')}`,
    shrunk: 'removed',
  },
};

/**
 * Applies one statement's lines to the rollup. Every writer takes the keys in the same order, so concurrent
 * writers queue instead of deadlocking; days left without lines are dropped.
 */
function rollupFunction(event: Event): string {
  const { rows, shrunk } = CHANGES[event];
  // A day whose lines all went is dropped; a count below 0 means the rollup missed lines: fail loudly.
  const dropEmpty = shrunk
    ? `delete from customer_day_revenue r using (select distinct customer_id, ordered_at from ${shrunk}) k
       where r.customer_id = k.customer_id and r.day = k.ordered_at and r.line_count <= 0
       returning r.line_count < 0 or r.cents <> 0 as broken`
    : null;
  return `
    create function order_line_revenue_${event}() returns trigger language plpgsql as $$
    declare broken boolean;
    begin
      insert into customer_day_revenue as r (customer_id, day, cents, line_count)
      select customer_id, day, sum(cents), sum(lines) from (${rows}) d
      group by customer_id, day having sum(lines) <> 0 or sum(cents) <> 0
      order by customer_id, day
      on conflict (customer_id, day) do update
        set cents = r.cents + excluded.cents, line_count = r.line_count + excluded.line_count;
      ${
        dropEmpty
          ? `with dropped as (${dropEmpty}) select coalesce(bool_or(dropped.broken), false) into broken from dropped;
      if broken then
        raise exception 'customer_day_revenue is out of step with order_line';
      end if;`
          : ''
      }
      return null;
    end $$`;
}

/**
 * Revenue per customer and day: a rollup of order_line kept by statement-level triggers, so that ABC
 * classification over any period reads a few rows per customer, in customer order, instead of hashing
 * every order line (at a million customers, grouping the lines is what costs, not reading them).
 */
export class Migration20261122041000_abc extends Migration {
  override async up(): Promise<void> {
    // The primary key covers the amounts: a period's revenue per customer is one index-only scan in
    // customer order, summed as it streams by, without a hash table.
    this.addSql(`
      create table customer_day_revenue (
        customer_id uuid not null,
        day date not null,
        cents bigint not null,
        line_count int not null,
        primary key (customer_id, day) include (cents, line_count)
      )`);
    for (const event of ['insert', 'update', 'delete'] as const) {
      this.addSql(rollupFunction(event));
      this.addSql(`create trigger order_line_revenue_${event} after ${event} on order_line
        referencing ${CHANGES[event].referencing}
        for each statement execute function order_line_revenue_${event}()`);
    }
    this.addSql(`
      create function order_line_revenue_truncate() returns trigger language plpgsql as $$
      begin
        truncate customer_day_revenue;
        return null;
      end $$`);
    this.addSql(`create trigger order_line_revenue_truncate after truncate on order_line
      for each statement execute function order_line_revenue_truncate()`);
    this.addSql(`
      insert into customer_day_revenue (customer_id, day, cents, line_count)
      select customer_id, ordered_at, sum((amount * 100)::bigint), count(*)
      from order_line group by customer_id, ordered_at`);

    // Who existed when a period ended (AbcGrade.previousClass is null for customers created later).
    this.addSql('create index customer_created_at_index on customer (created_at)');
    // Customers created since the last refresh rank after the ones it classified, found without a scan.
    this.addSql('alter table analytics_snapshot add column customers int not null default 0');
    this.addSql('create index abc_grade_unranked on abc_grade (customer_id) where rank is null');
  }

  override async down(): Promise<void> {
    this.addSql('drop index abc_grade_unranked');
    this.addSql('alter table analytics_snapshot drop column customers');
    this.addSql('drop index customer_created_at_index');
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      this.addSql(`drop trigger order_line_revenue_${event} on order_line`);
      this.addSql(`drop function order_line_revenue_${event}()`);
    }
    this.addSql('drop table customer_day_revenue');
  }
}
