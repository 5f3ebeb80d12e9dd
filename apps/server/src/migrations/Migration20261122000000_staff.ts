import { Migration } from '@mikro-orm/migrations';

export class Migration20261122000000_staff extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table staff (
        id uuid primary key,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version int not null default 1,
        name varchar(100) not null,
        title varchar(100),
        department varchar(100),
        email varchar(254) not null,
        role text not null check (role in ('SALES_REP', 'SALES_MANAGER', 'ANALYST', 'ARCHIVIST', 'ADMIN')),
        active boolean not null default true,
        manager_id uuid references staff (id) on delete set null,
        password_hash text
      )`);
    // Logins compare e-mails case-insensitively, so uniqueness must too.
    this.addSql('create unique index staff_email_unique on staff (lower(email))');
    this.addSql('create index staff_manager_id_index on staff (manager_id)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table staff');
  }
}
