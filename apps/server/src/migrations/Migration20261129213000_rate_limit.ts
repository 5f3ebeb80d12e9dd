import { Migration } from '@mikro-orm/migrations';

/**
 * The request counters of the API rate limit, shared by every server instance on this database: one row
 * per token (or address) and window, in the layout rate-limiter-flexible's PostgreSQL store reads and
 * upserts (points used, end of the window in epoch milliseconds). Unlogged: counters are worth nothing
 * after a crash, and skipping the WAL keeps one upsert per request cheap.
 */
export class Migration20261129213000_rate_limit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create unlogged table rate_limit (
      key varchar(255) primary key,
      points integer not null default 0,
      expire bigint
    )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table rate_limit');
  }
}
