import { Migration } from '@mikro-orm/migrations';

/**
 * `job_run`: the ledger of the scheduled jobs (core/jobs, issue 14). One row per job and slot (a time of its
 * cron pattern): the unique key is what lets exactly one of the instances sharing the database claim a slot.
 * RUNNING rows carry the claiming instance and when it started, so a claim whose instance died can be taken
 * over after a lease; FAILED rows keep the error and are retried, `attempts` counting every try.
 */
export class Migration20261130190000_job_run extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table job_run (
      id bigint generated always as identity primary key,
      job text not null,
      slot timestamptz not null,
      state text not null check (state in ('RUNNING', 'DONE', 'FAILED')),
      attempts integer not null default 1,
      instance text not null,
      started_at timestamptz not null,
      finished_at timestamptz,
      error text,
      constraint job_run_job_slot unique (job, slot))`);
    // The admins' inbox reads the failed slots (job-failed.source.ts).
    this.addSql(`create index job_run_failed on job_run (slot) where state = 'FAILED'`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table job_run');
  }
}
