import { Migration } from '@mikro-orm/migrations';

/**
 * The stored company-wide ABC ranking (issue 11: the manager dashboard recomputed the company's Pareto curve
 * on every request, ≈ 360 ms at 100k customers). `abc_ranking_period` holds one classified period (its
 * shares, company totals and the revenue version it was computed at), `abc_ranking` each customer with
 * lines in it: revenue, class, and for positive revenue the company-wide rank and the revenue ranked above.
 *
 * `revenue_version`: a counter that every statement writing `customer_day_revenue` (the rollup every
 * revenue change goes through, whatever the write path) increments in the same transaction, so a stored
 * period is current exactly while the counters still add up to the sum it was computed at. Sixteen shards,
 * picked by transaction id, so that concurrent order writers rarely queue on the same row.
 */
export class Migration20261130100000_abc_ranking extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table revenue_version (
      shard smallint primary key check (shard between 0 and 15),
      n int8 not null default 0)`);
    this.addSql('insert into revenue_version (shard) select generate_series(0, 15)');
    this.addSql(`create function revenue_version_bump() returns trigger language plpgsql as $$
      begin
        update revenue_version set n = n + 1 where shard = pg_current_xact_id()::text::int8 % 16;
        return null;
      end $$`);
    this.addSql(`create trigger customer_day_revenue_version
      after insert or update or delete or truncate on customer_day_revenue
      for each statement execute function revenue_version_bump()`);
    this.addSql(`create table abc_ranking_period (
      id int generated always as identity primary key,
      period_from date not null,
      period_to date not null,
      a_share float8 not null,
      b_share float8 not null,
      revenue_version int8 not null,
      computed_at timestamptz not null,
      total int8 not null,
      net int8 not null,
      traded int not null,
      positive int not null,
      a_count int not null,
      b_count int not null,
      a_revenue int8 not null,
      b_revenue int8 not null,
      constraint abc_ranking_period_unique unique (period_from, period_to, a_share, b_share))`);
    this.addSql(`create table abc_ranking (
      period_id int not null references abc_ranking_period (id) on delete cascade,
      customer_id uuid not null references customer (id) on delete cascade,
      cents int8 not null,
      class char(1) not null check (class in ('A', 'B', 'C')),
      rank int,
      before int8,
      primary key (period_id, customer_id))`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table abc_ranking');
    this.addSql('drop table abc_ranking_period');
    this.addSql('drop trigger customer_day_revenue_version on customer_day_revenue');
    this.addSql('drop function revenue_version_bump()');
    this.addSql('drop table revenue_version');
  }
}
