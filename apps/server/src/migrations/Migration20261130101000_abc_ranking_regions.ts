import { Migration } from '@mikro-orm/migrations';

/**
 * `abc_ranking_region`: with each stored ranking (Migration20261130100000), the period's revenue and
 * orders per customer and region (the order's, else the customer's), which salesComposition(by: REGION)
 * sums over the viewer's customers instead of every order of the period (issue 11: ≈ 170 ms of the
 * dashboard at 100k customers). It changes with order_day_revenue (lines, returns, an order's region) and
 * with a customer's region, so those writes bump revenue_version too.
 */
export class Migration20261130101000_abc_ranking_regions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table abc_ranking_region (
      period_id int not null references abc_ranking_period (id) on delete cascade,
      customer_id uuid not null references customer (id) on delete cascade,
      region text not null,
      amount numeric not null,
      orders int not null,
      primary key (period_id, customer_id, region))`);
    // A ranking stored before has no regions: it must not be taken for a current one.
    this.addSql('delete from abc_ranking_period');
    this.addSql(`create trigger order_day_revenue_version
      after insert or update or delete or truncate on order_day_revenue
      for each statement execute function revenue_version_bump()`);
    this.addSql(`create trigger customer_region_version after update of region on customer
      for each statement execute function revenue_version_bump()`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger customer_region_version on customer');
    this.addSql('drop trigger order_day_revenue_version on order_day_revenue');
    this.addSql('drop table abc_ranking_region');
  }
}
