import { Migration } from '@mikro-orm/migrations';

/**
 * The weekly check (客服部主管每周一检查并签署评语): per dossier and business week (its Monday), the verdict of
 * the manager who checked what their reps created or changed that week. One verdict per dossier and week:
 * a later one (a returned dossier checked after the rep's fix) changes the row, versioned.
 */
export class Migration20261130193000_weekly_check extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table weekly_check (
        id uuid primary key,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version int not null default 1,
        customer_id uuid not null references customer (id),
        week_start date not null check (extract(isodow from week_start) = 1),
        manager_id uuid not null references staff (id),
        verdict varchar(20) not null check (verdict in ('CHECKED', 'RETURNED')),
        comment text check (verdict <> 'RETURNED' or btrim(coalesce(comment, '')) <> ''),
        reviewed_at timestamptz not null,
        constraint weekly_check_week_unique unique (customer_id, week_start)
      )`);
    // The manager's page and the reminder sources read one week at a time; the unique index serves a dossier.
    this.addSql('create index weekly_check_week_index on weekly_check (week_start, verdict)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table weekly_check');
  }
}
