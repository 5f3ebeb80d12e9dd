// The triggers that keep customer_day_revenue in step with the tables it sums. Migrations create them
// from here: once a migration ran, a change to this text takes effect only through a new migration.

type Event = 'insert' | 'update' | 'delete';

/**
 * A table whose rows carry an amount for a customer on an order date. Order lines add to that day's
 * revenue; returns (order_return, a later migration) take from it, each row still counting as one row of
 * the day, so a day is dropped only once every row that made it is gone.
 */
export interface RevenueSource {
  table: 'order_line' | 'order_return';
  /** '-' when a row's amount lowers revenue */
  credit: '' | '-';
}

const negate = (sign: '' | '-') => (sign === '-' ? '' : '-');

const signed = (rows: string, sign: '' | '-', source: RevenueSource) =>
  `select customer_id, ordered_at as day, ${source.credit ? negate(sign) : sign}(amount * 100)::bigint as cents, ${sign}1 as lines from ${rows}`;

/** What each statement adds to the rollup: the rows it wrote, less the rows it replaced or removed. */
const CHANGES: Record<
  Event,
  { referencing: string; rows: (source: RevenueSource) => string; shrunk: string | null }
> = {
  insert: { referencing: 'new table as added', rows: (s) => signed('added', '', s), shrunk: null },
  delete: { referencing: 'old table as removed', rows: (s) => signed('removed', '-', s), shrunk: 'removed' },
  update: {
    referencing: 'old table as removed new table as added',
    rows: (s) => `${signed('added', '', s)} union all ${signed('removed', '-', s)}`,
    shrunk: 'removed',
  },
};

/**
 * Applies one statement's rows to the rollup. Every writer takes the keys in the same order, so concurrent
 * writers queue instead of deadlocking; days left without rows are dropped.
 */
function rollupFunction(event: Event, source: RevenueSource): string {
  const { rows, shrunk } = CHANGES[event];
  // A day whose rows all went is dropped; a count below 0 means the rollup missed rows: fail loudly.
  const dropEmpty = shrunk
    ? `delete from customer_day_revenue r using (select distinct customer_id, ordered_at from ${shrunk}) k
       where r.customer_id = k.customer_id and r.day = k.ordered_at and r.line_count <= 0
       returning r.line_count < 0 or r.cents <> 0 as broken`
    : null;
  return `
    create function ${source.table}_revenue_${event}() returns trigger language plpgsql as $$
    declare broken boolean;
    begin
      insert into customer_day_revenue as r (customer_id, day, cents, line_count)
      select customer_id, day, sum(cents), sum(lines) from (${rows(source)}) d
      group by customer_id, day having sum(lines) <> 0 or sum(cents) <> 0
      order by customer_id, day
      on conflict (customer_id, day) do update
        set cents = r.cents + excluded.cents, line_count = r.line_count + excluded.line_count;
      ${
        dropEmpty
          ? `with dropped as (${dropEmpty}) select coalesce(bool_or(dropped.broken), false) into broken from dropped;
      if broken then
        raise exception 'customer_day_revenue is out of step with ${source.table}';
      end if;`
          : ''
      }
      return null;
    end $$`;
}

/** The functions and statement-level triggers that keep customer_day_revenue in step with `source`. */
export function revenueRollupSql(source: RevenueSource): string[] {
  return (['insert', 'update', 'delete'] as const).flatMap((event) => [
    rollupFunction(event, source),
    `create trigger ${source.table}_revenue_${event} after ${event} on ${source.table}
        referencing ${CHANGES[event].referencing}
        for each statement execute function ${source.table}_revenue_${event}()`,
  ]);
}

export function dropRevenueRollupSql(table: RevenueSource['table']): string[] {
  return (['insert', 'update', 'delete'] as const).flatMap((event) => [
    `drop trigger ${table}_revenue_${event} on ${table}`,
    `drop function ${table}_revenue_${event}()`,
  ]);
}
