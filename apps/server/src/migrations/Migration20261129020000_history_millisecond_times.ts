import { Migration } from '@mikro-orm/migrations';

/**
 * A customer's history pages by (at, id) with cursors that carry `at` as a JS Date does: to the
 * millisecond. Changes written by set-based SQL in one transaction shared a microsecond time, which a
 * cursor could not name, so pages skipped them. Storing `at` to the millisecond makes every cursor exact.
 * Existing values are truncated, as a JS Date has always read them, so cursors issued before this
 * migration still name the same rows.
 */
export class Migration20261129020000_history_millisecond_times extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table change alter column at type timestamptz(3) using date_trunc('milliseconds', at)`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table change alter column at type timestamptz');
  }
}
