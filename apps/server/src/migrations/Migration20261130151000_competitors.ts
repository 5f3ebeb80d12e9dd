import { Migration } from '@mikro-orm/migrations';

const audited = `
  id uuid primary key,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1`;

/**
 * Competitors (竞争对手状况): one company-wide list kept by managers, and per customer the competitors
 * present there with the comparison data a rep records (share of the customer's spend, strengths,
 * weaknesses). A key person may favour one competitor.
 */
export class Migration20261130151000_competitors extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table competitor (${audited},
        name varchar(120) not null check (btrim(name) <> ''),
        website varchar(300),
        notes text,
        active boolean not null default true
      )`);
    // One competitor under one name whatever its case: "Acme" and "ACME" are the same company.
    this.addSql('create unique index competitor_name_unique on competitor (lower(name))');

    this.addSql(`
      create table customer_competitor (${audited},
        customer_id uuid not null references customer (id),
        competitor_id uuid not null references competitor (id),
        supplies text,
        share_percent numeric(5, 2) check (share_percent between 0 and 100),
        since date,
        strengths text,
        weaknesses text,
        notes text,
        unique (customer_id, competitor_id)
      )`);
    // The unique index above serves the per-customer list; this one the "customers where X is present" filter.
    this.addSql(
      'create index customer_competitor_competitor_id_index on customer_competitor (competitor_id, customer_id)',
    );

    // A person leans towards at most one competitor: a column versioned with the key person, not a link table.
    this.addSql('alter table key_person add column favours_competitor_id uuid references competitor (id)');
    this.addSql(
      'create index key_person_favours_competitor_id_index on key_person (favours_competitor_id) where favours_competitor_id is not null',
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table key_person drop column favours_competitor_id');
    this.addSql('drop table customer_competitor');
    this.addSql('drop table competitor');
  }
}
