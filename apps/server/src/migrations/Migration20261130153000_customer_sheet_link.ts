import { Migration } from '@mikro-orm/migrations';

/**
 * `customer_sheet_link`: links a rep sends a customer to fill in their own basic sheet (issue 13). Only the
 * SHA-256 of a link's secret is stored (unique: the lookup key). `change.via` attributes a change to how it
 * came about, e.g. CUSTOMER_LINK: the customer's proposal, accepted by the change's actor.
 */
export class Migration20261130153000_customer_sheet_link extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table customer_sheet_link (
      id uuid primary key,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1,
      customer_id uuid not null references customer (id),
      created_by_id uuid not null references staff (id),
      token_hash bytea not null unique,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      submitted_at timestamptz,
      proposal jsonb,
      basis jsonb,
      reviewed_at timestamptz,
      reviewed_by_id uuid references staff (id),
      accepted_fields text)`);
    this.addSql(
      'create index customer_sheet_link_customer on customer_sheet_link (customer_id, created_at desc, id desc)',
    );
    this.addSql('alter table change add column via text');
  }

  override async down(): Promise<void> {
    this.addSql('alter table change drop column via');
    this.addSql('drop table customer_sheet_link');
  }
}
