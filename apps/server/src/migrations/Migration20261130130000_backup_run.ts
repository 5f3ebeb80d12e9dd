import { Migration } from '@mikro-orm/migrations';

/**
 * `backup_run`: every scheduled backup (issue 12), when it ran, its file and size, and whether a restore of
 * it into a scratch database was verified (DOMAIN.md: a backup is only trusted once that was done).
 * `slot` is the schedule's time it served: instances sharing the database run each slot once.
 */
export class Migration20261130130000_backup_run extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table backup_run (
      id bigint generated always as identity primary key,
      slot timestamptz not null,
      started_at timestamptz not null,
      finished_at timestamptz,
      file text not null,
      size_bytes bigint,
      verified boolean not null default false,
      error text)`);
    this.addSql('create index backup_run_verified on backup_run (finished_at desc) where verified');
  }

  override async down(): Promise<void> {
    this.addSql('drop table backup_run');
  }
}
