import { Migration } from '@mikro-orm/migrations';
import { dropRevenueRollupSql, revenueRollupSql } from '../modules/abc/revenue-rollup.sql.js';

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
    for (const sql of revenueRollupSql({ table: 'order_line', credit: '' })) this.addSql(sql);
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
    for (const sql of dropRevenueRollupSql('order_line')) this.addSql(sql);
    this.addSql('drop trigger order_line_revenue_truncate on order_line');
    this.addSql('drop function order_line_revenue_truncate()');
    this.addSql('drop table customer_day_revenue');
  }
}
