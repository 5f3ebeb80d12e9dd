import { Migration } from '@mikro-orm/migrations';

/**
 * `archive_inspection`: the half-yearly archive inspection of a period (one per period: generating it twice,
 * from two instances or by hand, keeps the first), and `archive_inspection_item`, its findings as found,
 * each ticked off by an archivist with an optional note (issue 14).
 */
export class Migration20261130195000_archive_inspection extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table archive_inspection (
      id uuid primary key,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1,
      period varchar(7) not null,
      generated_at timestamptz not null,
      constraint archive_inspection_period_unique unique (period))`);
    this.addSql(`create table archive_inspection_item (
      id uuid primary key,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1,
      inspection_id uuid not null references archive_inspection (id),
      document_id uuid not null references document (id),
      customer_id uuid not null references customer (id),
      kind text not null check (kind in ('NO_RETENTION', 'LOAN_OVERDUE', 'DESTRUCTION_PENDING')),
      details text not null,
      checked_by_id uuid references staff (id),
      checked_at timestamptz,
      note text)`);
    this.addSql(
      'create index archive_inspection_item_inspection on archive_inspection_item (inspection_id, kind, id)',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table archive_inspection_item');
    this.addSql('drop table archive_inspection');
  }
}
