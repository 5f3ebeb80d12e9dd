// The table and triggers that keep order_day_revenue in step with the revenue rows (order lines less
// returns, the order_revenue view) and with the orders' regions. Migrations create them from here: once a
// migration ran, a change to this text takes effect only through a new migration.

type Event = 'insert' | 'update' | 'delete';

/** A table of revenue rows: order lines add, returns (credits) take away; each row counts once. */
type Source = { table: 'order_line' | 'order_return'; credit: boolean };

const SOURCES: Source[] = [
  { table: 'order_line', credit: false },
  { table: 'order_return', credit: true },
];

const REFERENCING: Record<Event, string> = {
  insert: 'new table as added',
  update: 'old table as removed new table as added',
  delete: 'old table as removed',
};

/** A statement's rows as signed contributions: what it wrote counts up, what it replaced or removed down. */
function contributions(event: Event, source: Source): string {
  const rows = (table: 'added' | 'removed') => {
    const up = (table === 'added') !== source.credit;
    return `select order_id, customer_id, ordered_at, ${up ? '' : '-'}amount as amount,
      ${table === 'added' ? 1 : -1} as n from ${table}`;
  };
  if (event === 'insert') return rows('added');
  if (event === 'delete') return rows('removed');
  return `${rows('added')} union all ${rows('removed')}`;
}

/**
 * Applies one statement's rows to the rollup, keys in order so concurrent writers queue instead of
 * deadlocking; an order's day left without rows is dropped, and one whose count went below 0 (the rollup
 * missed rows) fails the statement.
 */
function rollupFunction(event: Event, source: Source): string {
  const name = `${source.table}_order_rollup_${event}`;
  const drop =
    event === 'insert'
      ? ''
      : `with dropped as (
        delete from order_day_revenue r using (select distinct order_id, customer_id, ordered_at from removed) k
        where r.order_id = k.order_id and r.customer_id = k.customer_id and r.ordered_at = k.ordered_at
          and r.row_count <= 0
        returning r.row_count < 0 or r.amount <> 0 as broken)
      select coalesce(bool_or(dropped.broken), false) into broken from dropped;
      if broken then
        raise exception 'order_day_revenue is out of step with ${source.table}';
      end if;`;
  return `
    create function ${name}() returns trigger language plpgsql as $$
    declare broken boolean;
    begin
      insert into order_day_revenue as r (order_id, customer_id, ordered_at, region, amount, row_count)
      select d.order_id, d.customer_id, d.ordered_at, o.region, sum(d.amount), sum(d.n)
      from (${contributions(event, source)}) d left join sales_order o on o.id = d.order_id
      group by d.order_id, d.customer_id, d.ordered_at, o.region
      having sum(d.n) <> 0 or sum(d.amount) <> 0
      order by d.order_id, d.customer_id, d.ordered_at
      on conflict (order_id, customer_id, ordered_at) do update
        set amount = r.amount + excluded.amount, row_count = r.row_count + excluded.row_count;
      ${drop}
      return null;
    end $$`;
}

const REBUILD = `insert into order_day_revenue (order_id, customer_id, ordered_at, region, amount, row_count)
  select l.order_id, l.customer_id, l.ordered_at, o.region, sum(l.amount), count(*)
  from order_revenue l left join sales_order o on o.id = l.order_id
  group by l.order_id, l.customer_id, l.ordered_at, o.region`;

/** The table, its triggers and the backfill, in order. */
export function orderRollupSql(): string[] {
  return [
    // One row per order and day (an order's rows share its date; the key does not rely on it), with the
    // order's region copied: revenue by region, nature, owner, month or class over a period then reads
    // about one row per order instead of every line, and no order lookup per line.
    `create table order_day_revenue (
      order_id uuid not null,
      customer_id uuid not null,
      ordered_at date not null,
      region varchar(100),
      amount numeric(16, 2) not null,
      row_count int not null,
      primary key (order_id, customer_id, ordered_at)
    )`,
    'create index order_day_revenue_period on order_day_revenue (ordered_at) include (customer_id, order_id, region, amount)',
    ...SOURCES.flatMap((source) =>
      (['insert', 'update', 'delete'] as const).flatMap((event) => [
        rollupFunction(event, source),
        `create trigger ${source.table}_order_rollup_${event} after ${event} on ${source.table}
          referencing ${REFERENCING[event]}
          for each statement execute function ${source.table}_order_rollup_${event}()`,
      ]),
    ),
    // An order's region moves its revenue with it.
    `create function sales_order_region_rollup() returns trigger language plpgsql as $$
    begin
      update order_day_revenue r set region = n.region
      from added n join removed o on o.id = n.id
      where r.order_id = n.id and n.region is distinct from o.region;
      return null;
    end $$`,
    `create trigger sales_order_region_rollup after update on sales_order
      referencing old table as removed new table as added
      for each statement execute function sales_order_region_rollup()`,
    // Emptying either source leaves the other's rows: rebuild from what remains.
    `create function order_day_revenue_rebuild() returns trigger language plpgsql as $$
    begin
      truncate order_day_revenue;
      ${REBUILD};
      return null;
    end $$`,
    ...SOURCES.map(
      ({ table }) => `create trigger ${table}_order_rollup_truncate after truncate on ${table}
        for each statement execute function order_day_revenue_rebuild()`,
    ),
    REBUILD,
  ];
}

export function dropOrderRollupSql(): string[] {
  return [
    ...SOURCES.flatMap(({ table }) => [
      `drop trigger ${table}_order_rollup_truncate on ${table}`,
      ...(['insert', 'update', 'delete'] as const).flatMap((event) => [
        `drop trigger ${table}_order_rollup_${event} on ${table}`,
        `drop function ${table}_order_rollup_${event}()`,
      ]),
    ]),
    'drop function order_day_revenue_rebuild()',
    'drop trigger sales_order_region_rollup on sales_order',
    'drop function sales_order_region_rollup()',
    'drop table order_day_revenue',
  ];
}
