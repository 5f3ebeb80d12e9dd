import { Migration } from '@mikro-orm/migrations';

/**
 * `job_run.heartbeat_at`: the instance running a slot stamps it while the run lasts (core/jobs), so a run
 * that honestly takes longer than the lease (a large company's monthly report) is not taken over by
 * another instance; only a claim whose instance stopped beating is.
 */
export class Migration20261130200000_job_run_heartbeat extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table job_run add column heartbeat_at timestamptz');
  }

  override async down(): Promise<void> {
    this.addSql('alter table job_run drop column heartbeat_at');
  }
}
