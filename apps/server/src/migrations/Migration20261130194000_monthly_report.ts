import { Migration } from '@mikro-orm/migrations';

/**
 * `monthly_report` (issue 14): the written report to the leaders, one per month and scope — the company
 * (team_manager_id null) or one sales manager's team. `figures` is the frozen snapshot every rendering
 * reads (monthly-report.service.ts says why), `pdf` and `xlsx` the files rendered from it; `version` counts
 * the renderings (a regeneration re-renders the same figures). generated_by is null for the scheduled job.
 */
export class Migration20261130194000_monthly_report extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table monthly_report (
      id uuid primary key,
      month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      team_manager_id uuid references staff (id) on delete restrict,
      figures jsonb not null,
      pdf bytea not null,
      xlsx bytea not null,
      generated_at timestamptz not null,
      generated_by_id uuid references staff (id) on delete set null,
      version int not null default 1,
      constraint monthly_report_scope_unique unique nulls not distinct (month, team_manager_id))`);
    // The reports page lists the newest month first.
    this.addSql('create index monthly_report_month_sort on monthly_report (month desc, id)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table monthly_report');
  }
}
