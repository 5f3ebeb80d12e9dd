import { Migration } from '@mikro-orm/migrations';

/**
 * The root `orders` and `projects` lists page across customers by date, (ordered_at, id) and
 * (expected_close_date, id): with these a page reads its rows in index order instead of sorting every
 * order or project. The order index replaces the one on ordered_at alone, which it covers.
 */
export class Migration20261129070000_analyst_trade_lists extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index sales_order_ordered_at_id_index on sales_order (ordered_at, id)');
    this.addSql('drop index sales_order_ordered_at_index');
    this.addSql('create index project_expected_close_index on project (expected_close_date, id)');
  }

  override async down(): Promise<void> {
    this.addSql('drop index project_expected_close_index');
    this.addSql('create index sales_order_ordered_at_index on sales_order (ordered_at)');
    this.addSql('drop index sales_order_ordered_at_id_index');
  }
}
