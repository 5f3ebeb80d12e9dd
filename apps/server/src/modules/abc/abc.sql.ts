import type { EntityManager } from '@mikro-orm/postgresql';
import { type BookForm, customerInBook, readsAllCustomers } from '../../core/access/scope.js';
import type { Staff } from '../staff/staff.entity.js';
import type { AbcPeriod, AbcRequest } from './abc.period.js';

// The pieces both ABC statements share (the fresh classification and the snapshot refresh): revenue per
// customer from the daily rollup, the period's totals and class bounds, and the class rule itself.

/** A SQL text with its `?` parameters; the `sql` tag nests fragments and turns values into parameters. */
export class Sql {
  constructor(
    readonly text: string,
    readonly values: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...parts: unknown[]): Sql {
  let text = strings[0] ?? '';
  const values: unknown[] = [];
  parts.forEach((part, i) => {
    if (part instanceof Sql) {
      text += part.text;
      values.push(...part.values);
    } else {
      text += '?';
      values.push(part);
    }
    text += strings[i + 1] ?? '';
  });
  return new Sql(text, values);
}

export const raw = (text: string) => new Sql(text, []);

export const joinSql = (parts: readonly Sql[], separator: string): Sql =>
  parts.reduce((all, part, i) => (i === 0 ? part : sql`${all}${raw(separator)}${part}`), raw(''));

/**
 * The viewer's need-to-know condition (scope.ts's customerInBook) on `customer` row `alias`, as Sql; null
 * for a reader of every customer. customerInBook's identifier bindings (`??`) become quoted names here.
 */
export function visibleTo(viewer: Staff, alias: string, form: BookForm = 'row'): Sql | null {
  if (readsAllCustomers(viewer)) return null;
  const condition = customerInBook(alias, viewer, form);
  const bindings = [...condition.bindings];
  const values: unknown[] = [];
  const text = condition.sql.replace(/\?\??/g, (mark) => {
    const binding = bindings.shift();
    if (mark === '??') return `"${String(binding).replaceAll('"', '""')}"`;
    values.push(binding);
    return '?';
  });
  return new Sql(text, values);
}

// a timestamptz as ISO text, shared with the keyset cursors
export { isoTime } from '../../core/database/iso-time.js';

/** Midnight in the business zone starting `from`: a customer created before it existed in the previous period. */
export const existedBefore = (request: AbcRequest): Sql =>
  sql`(${request.from}::timestamp at time zone ${request.timeZone}::text)`;

/**
 * Revenue in cents per customer with order lines in the scanned days: `cents` in [from, to] (0 without
 * lines there), `previous_cents` in the previous period (null without lines there; always null when the
 * previous period is not asked for). One index-only scan of the rollup in customer order.
 */
export function revenueSums(request: AbcPeriod, previous: boolean): Sql {
  if (!previous) {
    return sql`select customer_id, sum(cents)::int8 as cents, null::int8 as previous_cents
      from customer_day_revenue where day between ${request.from}::date and ${request.to}::date
      group by customer_id`;
  }
  return sql`select customer_id,
        coalesce(sum(cents) filter (where day >= ${request.from}::date), 0)::int8 as cents,
        (sum(cents) filter (where day < ${request.from}::date))::int8 as previous_cents
      from customer_day_revenue where day between ${request.previousFrom}::date and ${request.to}::date
      group by customer_id`;
}

/**
 * One row: the period's total (positive revenues only: DOMAIN.md counts a net negative customer as 0),
 * the signed net, how many customers had lines and revenue, how many customers there are (every one is
 * classified, C without revenue), and the bounds `before` is compared with. `before` is a whole number of
 * cents, so `before < share × total` is exactly `before < ceil(share × total)`.
 */
export function periodBounds(request: AbcRequest): Sql {
  const a = sql`${String(request.aShare)}::numeric`;
  const ab = sql`(${a} + ${String(request.bShare)}::numeric)`;
  return sql`select t.*, (select count(*) from customer) as customers,
      ceil(t.total * ${a})::int8 as a_bound, ceil(t.total * ${ab})::int8 as ab_bound,
      ceil(t.previous_total * ${a})::int8 as previous_a_bound, ceil(t.previous_total * ${ab})::int8 as previous_ab_bound
    from (select coalesce(sum(cents) filter (where cents > 0), 0)::int8 as total,
                 coalesce(sum(cents), 0)::int8 as net,
                 count(*) as traded, count(*) filter (where cents > 0) as positive,
                 coalesce(sum(previous_cents) filter (where previous_cents > 0), 0)::int8 as previous_total
          from sums) t`;
}

/** The class rule of DOMAIN.md over columns `<prefix>cents` and `<prefix>before`, bounds from `b`. */
export const classRule = (prefix: '' | 'previous_', row = 'r') =>
  raw(`case when ${row}.${prefix}cents <= 0 then 'C'
    when ${row}.${prefix}before < b.${prefix}a_bound then 'A'
    when ${row}.${prefix}before < b.${prefix}ab_bound then 'B' else 'C' end`);

/** Running sum of the positive revenues strictly above each row in window `w`. */
export const revenueBefore = (prefix: '' | 'previous_', window: string) =>
  raw(`(sum(greatest(${prefix}cents, 0)) over (${window} rows unbounded preceding))::int8
    - greatest(${prefix}cents, 0)`);

/**
 * Runs one analytics statement in its own transaction with settings that suit it: memory to sort a
 * million customers in place, no JIT (compiling costs more than it saves here), and no hash aggregation,
 * which the planner prefers for grouping the rollup although streaming it in key order is several times
 * cheaper at a million groups.
 */
export async function runAnalytics<T>(em: EntityManager, statement: Sql): Promise<T[]> {
  const settings = (values: Record<string, string>) =>
    Object.entries(values)
      .map(([name, value]) => `set_config('${name}', '${value}', true) as ${name}`)
      .join(', ');
  return em.transactional(async (tx) => {
    // Inside a caller's transaction the settings would outlive this statement: put them back after it.
    const [previous] = await tx.execute<Array<Record<string, string>>>(
      `select current_setting('work_mem') as work_mem, current_setting('jit') as jit,
              current_setting('enable_hashagg') as enable_hashagg`,
    );
    await tx.execute(`select ${settings(ANALYTICS_SETTINGS)}`);
    const rows = await tx.execute<T[]>(statement.text, [...statement.values]);
    if (previous) await tx.execute(`select ${settings(previous)}`);
    return rows;
  });
}

const ANALYTICS_SETTINGS = { work_mem: '128MB', jit: 'off', enable_hashagg: 'off' };
