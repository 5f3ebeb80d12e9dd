import { Migration } from '@mikro-orm/migrations';

/**
 * `inbox_item.settled_at`: when the sweep marked the item done by itself because its cause went away (the
 * complaint closed, the signal gone). Such an item opens again when its cause comes back; one the person
 * marked done does not.
 */
export class Migration20261130201000_inbox_settled_at extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table inbox_item add column settled_at timestamptz');
  }

  override async down(): Promise<void> {
    this.addSql('alter table inbox_item drop column settled_at');
  }
}
