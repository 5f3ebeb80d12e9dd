import { Migration } from '@mikro-orm/migrations';

/**
 * When the risk assessments were last evaluated for every customer, and with which thresholds: a start or
 * the hourly check refreshes them when that is over an hour ago, older than the ABC snapshot they read the
 * classes from, or done with other thresholds than the configured ones.
 */
export class Migration20261122042000_risk extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table risk_refresh (
        id smallint primary key default 1 check (id = 1),
        as_of timestamptz not null,
        thresholds jsonb not null
      )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table risk_refresh');
  }
}
