import { Migration } from '@mikro-orm/migrations';

const audited = `
  id uuid primary key,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1`;

/** Customers, key persons, relationship map, decision roles, projects, credit reports, history, sessions. */
export class Migration20261122010000_dossier_core extends Migration {
  override async up(): Promise<void> {
    // Trigram indexes serve the case-insensitive substring search over names and codes.
    this.addSql('create extension if not exists pg_trgm');
    this.addSql('create sequence customer_code_seq');

    this.addSql(`
      create table customer (${audited},
        code varchar(32) not null,
        name varchar(200) not null,
        nature text not null check (nature in ('GOVERNMENT', 'SPECIAL', 'COMPANY', 'INDIVIDUAL', 'PARTNER')),
        tier text not null default 'GENERAL' check (tier in ('IMPORTANT', 'SPECIAL', 'GENERAL')),
        lifecycle text not null default 'PROSPECT' check (lifecycle in ('PROSPECT', 'ACTIVE', 'DORMANT')),
        industry varchar(100),
        region varchar(100),
        city varchar(100),
        address varchar(300),
        phone varchar(50),
        website varchar(300),
        legal_representative varchar(100),
        parent_id uuid references customer (id) on delete restrict,
        owner_id uuid references staff (id) on delete restrict,
        credit_limit numeric(14, 2) check (credit_limit >= 0),
        reviewed_at timestamptz,
        check (parent_id <> id)
      )`);
    this.addSql('create unique index customer_code_unique on customer (code)');
    this.addSql('create index customer_name_sort on customer (name, id)');
    this.addSql('create index customer_updated_at_sort on customer (updated_at, id)');
    this.addSql('create index customer_owner_id_index on customer (owner_id)');
    this.addSql('create index customer_parent_id_index on customer (parent_id)');
    this.addSql('create index customer_region_index on customer (region)');
    this.addSql('create index customer_nature_index on customer (nature)');
    this.addSql('create index customer_tier_index on customer (tier)');
    this.addSql('create index customer_lifecycle_index on customer (lifecycle)');
    this.addSql('create index customer_name_trgm on customer using gin (name gin_trgm_ops)');
    this.addSql('create index customer_code_trgm on customer using gin (code gin_trgm_ops)');

    this.addSql(`
      create table key_person (${audited},
        customer_id uuid not null references customer (id) on delete cascade,
        name varchar(100) not null,
        title varchar(100),
        department varchar(100),
        reports_to_id uuid references key_person (id) on delete set null,
        mobile varchar(50),
        office_phone varchar(50),
        email varchar(254),
        active boolean not null default true,
        profile_personality text,
        profile_interests text,
        profile_family text,
        profile_education text,
        profile_birth_year int check (profile_birth_year between 1900 and 2100),
        profile_background text,
        profile_notes text,
        check (reports_to_id <> id)
      )`);
    this.addSql('create index key_person_customer_id_index on key_person (customer_id, name, id)');
    this.addSql('create index key_person_reports_to_id_index on key_person (reports_to_id)');
    this.addSql('create index key_person_name_trgm on key_person using gin (name gin_trgm_ops)');

    this.addSql(`
      create table relationship (${audited},
        key_person_id uuid not null references key_person (id) on delete cascade,
        staff_id uuid not null references staff (id) on delete restrict,
        state text not null check (state in ('POSITIVE', 'NEUTRAL', 'NEGATIVE', 'NONE')),
        note text,
        last_contact_at timestamptz
      )`);
    this.addSql('create unique index relationship_pair_unique on relationship (key_person_id, staff_id)');
    this.addSql('create index relationship_staff_id_index on relationship (staff_id)');

    this.addSql(`
      create table project (${audited},
        customer_id uuid not null references customer (id) on delete cascade,
        name varchar(200) not null,
        stage text not null default 'LEAD'
          check (stage in ('LEAD', 'QUALIFIED', 'PROPOSAL', 'BIDDING', 'NEGOTIATION', 'WON', 'LOST')),
        amount numeric(14, 2) check (amount >= 0),
        expected_close_date date,
        owner_id uuid references staff (id) on delete restrict
      )`);
    this.addSql('create index project_customer_id_index on project (customer_id, created_at, id)');
    this.addSql('create index project_owner_id_index on project (owner_id)');

    this.addSql(`
      create table decision_role_assignment (${audited},
        key_person_id uuid not null references key_person (id) on delete cascade,
        project_id uuid references project (id) on delete cascade,
        role text not null check (role in ('DECISION_MAKER', 'ECONOMIC_BUYER', 'TECHNICAL_BUYER', 'USER_BUYER',
          'INFLUENCER', 'GATEKEEPER', 'COACH', 'OTHER')),
        influence text not null check (influence in ('HIGH', 'MEDIUM', 'LOW')),
        concerns text
      )`);
    // One role of a kind per person per project; "no project" (the general role) counts as one project.
    this.addSql(`create unique index decision_role_unique
      on decision_role_assignment (key_person_id, project_id, role) nulls not distinct`);
    this.addSql('create index decision_role_project_id_index on decision_role_assignment (project_id)');

    this.addSql(`
      create table project_event (${audited},
        project_id uuid not null references project (id) on delete cascade,
        occurred_at timestamptz not null,
        title varchar(200) not null,
        description text,
        outcome text,
        next_step text,
        author_id uuid not null references staff (id) on delete restrict
      )`);
    this.addSql('create index project_event_project_id_index on project_event (project_id, occurred_at, id)');

    this.addSql(`
      create table credit_report (${audited},
        customer_id uuid not null references customer (id) on delete cascade,
        reported_at date not null,
        valid_until date not null,
        rating text not null check (rating in ('AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C')),
        recommended_limit numeric(14, 2) check (recommended_limit >= 0),
        summary text,
        author_id uuid references staff (id) on delete set null,
        check (valid_until >= reported_at)
      )`);
    this.addSql(
      'create index credit_report_customer_id_index on credit_report (customer_id, reported_at desc, id)',
    );

    // History: append-only. customer_id names the dossier a change belongs to, so a customer's history is
    // one index range scan whatever entity changed.
    this.addSql(`
      create table change (
        id uuid primary key,
        at timestamptz not null default now(),
        actor_id uuid references staff (id) on delete set null,
        entity_type varchar(50) not null,
        entity_id uuid not null,
        action text not null check (action in ('CREATE', 'UPDATE', 'DELETE')),
        customer_id uuid
      )`);
    this.addSql('create index change_customer_history on change (customer_id, at desc, id desc)');
    this.addSql('create index change_entity_index on change (entity_type, entity_id)');
    this.addSql(`
      create table field_change (
        id bigint generated always as identity primary key,
        change_id uuid not null references change (id) on delete cascade,
        field varchar(100) not null,
        before text,
        after text
      )`);
    this.addSql('create index field_change_change_id_index on field_change (change_id)');

    this.addSql(`
      create table auth_session (
        token_hash bytea primary key,
        staff_id uuid not null references staff (id) on delete cascade,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null
      )`);
    this.addSql('create index auth_session_staff_id_index on auth_session (staff_id)');
  }

  override async down(): Promise<void> {
    for (const table of [
      'auth_session',
      'field_change',
      'change',
      'credit_report',
      'project_event',
      'decision_role_assignment',
      'project',
      'relationship',
      'key_person',
      'customer',
    ]) {
      this.addSql(`drop table ${table}`);
    }
    this.addSql('drop sequence customer_code_seq');
  }
}
