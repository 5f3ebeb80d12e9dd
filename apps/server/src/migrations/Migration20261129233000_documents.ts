import { Migration } from '@mikro-orm/migrations';

/**
 * The documents archive: each document's metadata, its bytes, the loan register, and the destruction
 * record kept forever.
 *
 * The bytes live in PostgreSQL (bytea), not in files under the data folder: DOSSIER_DATA_DIR is the
 * embedded cluster's own folder, a DATABASE_URL install has no data folder on this machine at all, and
 * several server instances share one database but no disk. In the database, the bytes commit or roll
 * back with their metadata and the destruction record, and one backup (and its verified restore, as
 * DOMAIN.md asks) holds the whole archive. With the 25 MB limit per file, bytea is fit for the job.
 */
export class Migration20261129233000_documents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table document (
        id uuid primary key,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version int not null default 1,
        -- Every document is filed in a customer's dossier, and within it optionally under a project.
        customer_id uuid not null references customer (id),
        project_id uuid references project (id),
        category text not null check (category in ('CONTRACT', 'LICENCE', 'PROPOSAL', 'PRICE_LIST', 'LETTER',
          'MINUTES', 'CREDIT_REPORT', 'DOSSIER', 'PROJECT_RECORD')),
        confidentiality text not null check (confidentiality in ('TOP_SECRET', 'SECRET', 'CONFIDENTIAL', 'INTERNAL')),
        title varchar(200) not null,
        document_date date not null,
        retention_years int check (retention_years between 1 and 50),
        retain_until date,
        file_name varchar(255) not null,
        media_type varchar(100) not null,
        size_bytes int not null check (size_bytes between 1 and 26214400),
        sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by_id uuid not null references staff (id),
        destruction_approved_by_id uuid references staff (id),
        destruction_approved_at timestamptz,
        destroyed_at timestamptz,
        -- Years, or until a date, or neither: permanent.
        check (retention_years is null or retain_until is null)
      )`);
    this.addSql('create index document_customer on document (customer_id)');
    this.addSql('create index document_project on document (project_id) where project_id is not null');

    // Kept apart from the metadata so listing documents never reads the bytes. PDFs, images and Office
    // files are compressed already: storage external skips PostgreSQL's futile attempt to compress them.
    this.addSql(`
      create table document_content (
        document_id uuid primary key references document (id),
        bytes bytea not null
      )`);
    this.addSql('alter table document_content alter column bytes set storage external');

    // The loan register (借阅登记): who borrowed what, when, approved by whom, due and returned when.
    this.addSql(`
      create table document_loan (
        id uuid primary key,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version int not null default 1,
        document_id uuid not null references document (id),
        borrower_id uuid not null references staff (id),
        approval text not null check (approval in ('REGISTRATION', 'DEPARTMENT_HEAD', 'SALES_HEAD')),
        hours int not null check (hours between 1 and 48),
        decided_by_id uuid references staff (id),
        refused boolean not null default false,
        granted_at timestamptz,
        due_at timestamptz,
        returned_at timestamptz,
        check ((granted_at is null) = (due_at is null))
      )`);
    this.addSql('create index document_loan_document on document_loan (document_id, borrower_id)');
    this.addSql('create index document_loan_newest_first on document_loan (created_at desc, id desc)');

    // What was destroyed, with its checksum, when, approved by whom and carried out by whom: kept forever.
    this.addSql(`
      create table document_destruction (
        id uuid primary key,
        document_id uuid not null unique references document (id),
        title varchar(200) not null,
        category text not null,
        confidentiality text not null,
        file_name varchar(255) not null,
        sha256 char(64) not null,
        approved_by_id uuid not null references staff (id),
        approved_at timestamptz not null,
        carried_out_by_id uuid not null references staff (id),
        destroyed_at timestamptz not null
      )`);
    // Append-only in the database, as the audit log: no client may alter or erase the record.
    this.addSql(`
      create function document_destruction_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'document_destruction is append-only: % refused', tg_op
          using errcode = 'insufficient_privilege';
      end $$`);
    this.addSql(`
      create trigger document_destruction_no_change before update or delete on document_destruction
      for each row execute function document_destruction_append_only()`);
    this.addSql(`
      create trigger document_destruction_no_truncate before truncate on document_destruction
      for each statement execute function document_destruction_append_only()`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table document_destruction');
    this.addSql('drop function document_destruction_append_only');
    this.addSql('drop table document_loan');
    this.addSql('drop table document_content');
    this.addSql('drop table document');
  }
}
