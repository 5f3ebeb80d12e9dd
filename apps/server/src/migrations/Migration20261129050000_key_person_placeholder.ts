import { Migration } from '@mikro-orm/migrations';

/**
 * Placeholders (占位人物): a key person we know exists but have not met, stored without a name until it is
 * filled in. Its title is then what names it, so a row needs a name or a title.
 */
export class Migration20261129050000_key_person_placeholder extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table key_person alter column name drop not null');
    this.addSql(
      'alter table key_person add constraint key_person_names_someone check (name is not null or title is not null)',
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table key_person drop constraint key_person_names_someone');
    this.addSql(`update key_person set name = title where name is null`);
    this.addSql('alter table key_person alter column name set not null');
  }
}
