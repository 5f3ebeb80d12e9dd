import { REMINDER_KINDS } from '@dossier/domain';
import { Migration } from '@mikro-orm/migrations';

const oneOf = (column: string, values: readonly string[]) =>
  `${column} text not null check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`;

/**
 * Each person's inbox (issue 14): reminders the sweep and events put there, one per (recipient, kind, key)
 * so a sweep run again, or by a second instance, adds nothing twice. A snoozed item has its day to return.
 */
export class Migration20261130191000_inbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table inbox_item (
      id uuid primary key,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1,
      recipient_id uuid not null references staff (id) on delete cascade,
      ${oneOf('kind', REMINDER_KINDS)},
      key text not null,
      customer_id uuid references customer (id) on delete cascade,
      due_on date not null,
      params jsonb not null default '{}',
      link text not null,
      ${oneOf('state', ['OPEN', 'DONE', 'SNOOZED'])} default 'OPEN',
      snoozed_until date,
      done_at timestamptz,
      mailed_at timestamptz,
      constraint inbox_item_key_unique unique (recipient_id, kind, key),
      check ((state = 'SNOOZED') = (snoozed_until is not null)),
      check ((state = 'DONE') = (done_at is not null))
    )`);
    // The person's list newest first, by state; the sweep's settling of one kind; the mail job's queue.
    this.addSql(
      'create index inbox_item_recipient_index on inbox_item (recipient_id, state, created_at desc, id desc)',
    );
    this.addSql(`create index inbox_item_open_kind on inbox_item (kind) where state <> 'DONE'`);
    this.addSql(
      `create index inbox_item_unmailed on inbox_item (created_at) where state = 'OPEN' and mailed_at is null`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table inbox_item');
  }
}
