import { Migration } from '@mikro-orm/migrations';
import { dropOrderRollupSql, orderRollupSql } from '../modules/composition/order-rollup.sql.js';

/**
 * `order_day_revenue`: revenue per order and day with the order's region, a rollup of the order_revenue
 * view kept by statement-level triggers on order lines, returns and the orders' regions, so composition
 * by region (and by nature, owner, month, class) sums about one row per order instead of every line and
 * its order (issue 11: ≈ 2 s per request at 100k customers). Exact: numeric sums, built from the same rows.
 */
export class Migration20261130081000_order_day_revenue extends Migration {
  override async up(): Promise<void> {
    for (const sql of orderRollupSql()) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of dropOrderRollupSql()) this.addSql(sql);
  }
}
