import { Migration } from '@mikro-orm/migrations';

/**
 * Relationship care (issue 14): a key person's birthday as a month-day (MM-DD; the year stays the existing
 * optional `profile_birth_year`), and the customer's founding date for its anniversaries. The checks keep
 * a birthday that exists in some year (02-29 does), so the reminders never meet a malformed one.
 */
export class Migration20261130192000_care_dates extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table key_person add column profile_birthday varchar(5)');
    this.addSql(`alter table key_person add constraint key_person_profile_birthday_month_day check (
      profile_birthday ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
    )`);
    this.addSql('alter table customer add column founded_on date');
  }

  override async down(): Promise<void> {
    this.addSql('alter table customer drop column founded_on');
    this.addSql('alter table key_person drop column profile_birthday');
  }
}
