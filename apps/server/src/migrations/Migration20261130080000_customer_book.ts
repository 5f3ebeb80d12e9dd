import { Migration } from '@mikro-orm/migrations';
import { customerBookSql, dropCustomerBookSql } from '../core/access/customer-book.sql.js';

/**
 * `customer_book (staff_id, customer_id)`: every customer in a staff member's own book — owned, a
 * relationship of theirs to one of its key persons, or a project of theirs — kept by triggers in the same
 * statement as the write, whatever the write path. The need-to-know predicate (scope.ts) reads it instead
 * of joining every relationship of a manager's line to every key person on each request (issue 11:
 * ≈ 1 s per evaluation at 100k customers). The reporting line stays live (staff_line is a view).
 */
export class Migration20261130080000_customer_book extends Migration {
  override async up(): Promise<void> {
    for (const sql of customerBookSql()) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of dropCustomerBookSql()) this.addSql(sql);
  }
}
