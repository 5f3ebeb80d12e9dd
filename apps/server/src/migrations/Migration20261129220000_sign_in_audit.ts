import { Migration } from '@mikro-orm/migrations';

/**
 * Sign-in hardening and the audit log: failed sign-ins counted per e-mail and per client address, personal
 * API tokens (only their hash kept), and the append-only audit log, which the database itself guards.
 */
export class Migration20261129220000_sign_in_audit extends Migration {
  override async up(): Promise<void> {
    // Not an audit record: rows older than the window are deleted freely; the audit log keeps the story.
    this.addSql(`
      create table login_failure (
        id bigint generated always as identity primary key,
        at timestamptz not null default now(),
        email varchar(254) not null,
        address varchar(64) not null
      )`);
    this.addSql('create index login_failure_email on login_failure (email, at desc)');
    this.addSql('create index login_failure_address on login_failure (address, at desc)');

    this.addSql(`
      create table api_token (
        id uuid primary key,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version int not null default 1,
        staff_id uuid not null references staff (id),
        name varchar(100) not null,
        token_hash bytea not null unique,
        expires_at timestamptz not null,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    this.addSql('create index api_token_staff on api_token (staff_id, created_at desc)');

    this.addSql(`
      create table audit_log (
        id uuid primary key default gen_random_uuid(),
        at timestamptz(3) not null default now(),
        event text not null,
        actor_id uuid references staff (id),
        subject_id uuid references staff (id),
        email varchar(254),
        address varchar(64),
        detail jsonb not null default '{}'
      )`);
    this.addSql('create index audit_log_newest_first on audit_log (at desc, id desc)');
    this.addSql('create index audit_log_actor on audit_log (actor_id, at desc, id desc)');
    this.addSql('create index audit_log_subject on audit_log (subject_id, at desc, id desc)');
    // Append-only in the database, not only in our code: an UPDATE, DELETE or TRUNCATE from any client
    // (a migration, psql, a compromised app) fails. Only dropping the table, an owner's act, gets past it.
    this.addSql(`
      create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end $$`);
    this.addSql(`
      create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`);
    this.addSql(`
      create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table audit_log');
    this.addSql('drop function audit_log_append_only');
    this.addSql('drop table api_token');
    this.addSql('drop table login_failure');
  }
}
