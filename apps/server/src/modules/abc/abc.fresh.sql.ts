import type { AbcClass, AbcMovementWay } from '@dossier/domain';
import type { AbcRequest } from './abc.period.js';
import {
  classRule,
  existedBefore,
  joinSql,
  periodBounds,
  raw,
  revenueSums,
  type Sql,
  sql,
} from './abc.sql.js';

// A classification for any period in ONE statement that returns only what the request asked for, and
// sorts no more than it must. Per period, only the positive revenues are sorted, as bare numbers (the
// "curve"): the top i of them sum the same whatever the order within a tie, so the curve gives the class
// counts and sums, the Pareto points and the revenue where each class ends. Every customer's class then
// follows from its own revenue; only the tie groups at a class boundary (who is A and who B) and the rows
// of a requested page (their ranks) are put in DOMAIN.md's order, by code, and those are few.

/** A page of ranked customers: ranks after `afterRank`, in class `cls` or all, `take` rows at most. */
export interface PageSpec {
  cls: AbcClass | null;
  afterRank: number;
  take: number;
}

/** A page of the customers that moved `way` since the previous period, in class `cls` or any. */
export interface MoverSpec extends PageSpec {
  way: AbcMovementWay;
}

export interface FreshParts {
  /** classify the previous period too: previous classes and movements */
  previous: boolean;
  movements: boolean;
  /** `points` of each Pareto curve asked for */
  pareto: readonly number[];
  pages: readonly PageSpec[];
  /** pages of movers; they need the previous period */
  movers: readonly MoverSpec[];
  /**
   * The current stored ranking of the period (currentRanking), when only the summary is asked for: it is
   * read from there while the ranking is current, computed fresh otherwise.
   */
  stored: Sql | null;
  /**
   * The viewer's need-to-know condition on `customer c` (visibleTo), or null for a reader of every
   * customer: ranks and classes stay company-wide, what is returned counts only the customers it holds.
   */
  visible: Sql | null;
}

type Prefix = '' | 'previous_';
const CLASSES = ['A', 'B', 'C'] as const;

/** The positive revenues largest first, numbered, with their running sum; ties in any order. */
const curve = (p: Prefix) =>
  raw(`${p}curve as materialized (
    select row_number() over w as position, ${p}cents as cents,
      (sum(${p}cents) over (w rows unbounded preceding))::int8 as through
    from sums where ${p}cents > 0 window w as (order by ${p}cents desc))`);

/**
 * Where A and B end: how many customers they hold (a_count, ab_count), their revenue (a_through,
 * ab_through), the revenue of the last one of each (a_cents, ab_cents: a tie group there may hold both
 * classes), and how many customers and how much revenue rank above that tie group.
 */
const marks = (p: Prefix) =>
  raw(`${p}marks0 as materialized (
    select count(*) filter (where c.through - c.cents < b.${p}a_bound) as a_count,
      count(*) filter (where c.through - c.cents < b.${p}ab_bound) as ab_count,
      coalesce(max(c.through) filter (where c.through - c.cents < b.${p}a_bound), 0) as a_through,
      coalesce(max(c.through) filter (where c.through - c.cents < b.${p}ab_bound), 0) as ab_through,
      min(c.cents) filter (where c.through - c.cents < b.${p}a_bound) as a_cents,
      min(c.cents) filter (where c.through - c.cents < b.${p}ab_bound) as ab_cents
    from ${p}curve c cross join bounds b),
  ${p}marks as materialized (
    select m.*, x.* from ${p}marks0 m cross join lateral (
      select count(*) filter (where c.cents > m.a_cents) as a_above,
        count(*) filter (where c.cents > m.ab_cents) as ab_above from ${p}curve c) x),
  ${p}boundary_groups as (
    select a_cents as cents, a_above as above, a_through - (a_count - a_above) * a_cents as above_through
    from ${p}marks where a_cents is not null
    union
    select ab_cents, ab_above, ab_through - (ab_count - ab_above) * ab_cents
    from ${p}marks where ab_cents is not null),
  ${p}fixed as materialized (
    select customer_id, ${classRule('', 'f').text} as class
    from (select s.customer_id, s.${p}cents as cents,
            g.above_through + (row_number() over by_code - 1) * s.${p}cents as before
          from ${p}boundary_groups g join sums s on s.${p}cents = g.cents
          window by_code as (partition by s.${p}cents
            order by (select code from customer c where c.id = s.customer_id) collate "C")) f,
         (select ${p}a_bound as a_bound, ${p}ab_bound as ab_bound from bounds) b)`);

/** The class of sums row `s` in period `p` by the marks `m`, the tie groups at a boundary looked up. */
const classOf = (p: Prefix, m: string) =>
  `case when s.${p}cents <= 0 then 'C' when s.${p}cents > ${m}.a_cents then 'A'
     when s.${p}cents in (${m}.a_cents, ${m}.ab_cents)
       then (select class from ${p}fixed f where f.customer_id = s.customer_id)
     when s.${p}cents > ${m}.ab_cents then 'B' else 'C' end`;

/** Previous class of sums row `s`: null when the customer had no lines then and was created since. */
const previousClassOf = (created: Sql) =>
  sql`case when s.previous_cents > 0 then ${raw(classOf('previous_', 'pm'))}
    when s.previous_cents is not null then 'C'
    when s.customer_id in (select id from customer where created_at >= ${created}) then null else 'C' end`;

/** Movement counts as one JSON object keyed `<from>><to>`, from '' when the customer is new. */
function movementCounts(): string {
  const pairs = [...CLASSES, null].flatMap((from) =>
    CLASSES.map((to) => {
      const was = from ? `previous_class = '${from}'` : 'previous_class is null';
      return `'${from ?? ''}>${to}', count(*) filter (where ${was} and class = '${to}')`;
    }),
  );
  return `json_build_object(${pairs.join(', ')})`;
}

// As JSON: the query builder would spread an array parameter into a list of parameters.
const specs = (rows: readonly object[], columns: string) =>
  sql`select * from jsonb_to_recordset(${JSON.stringify(rows.map((row, part) => ({ part, ...row })))}::jsonb)
      as s(part int, ${raw(columns)})`;

/** Ranks lo..hi of each page: its class's ranks (classes hold consecutive ranks) after the cursor. */
const pageRanges = (pages: readonly PageSpec[]) =>
  sql`page_ranges as materialized (
    select s.part, l.lo, least(r.last_rank, l.lo + s.take - 1) as hi
    from (${specs(pages, 'cls text, "afterRank" int8, take int8')}) s cross join marks m cross join bounds b
    cross join lateral (select
      case s.cls when 'B' then m.a_count + 1 when 'C' then m.ab_count + 1 else 1 end as first_rank,
      case s.cls when 'A' then m.a_count when 'B' then m.ab_count else b.customers end as last_rank) r
    cross join lateral (select greatest(s."afterRank" + 1, r.first_rank) as lo) l)`;

/**
 * The rows of each page among the customers with revenue: the revenues at its first and last rank, then
 * every customer between them (whole tie groups) in DOMAIN.md's order, numbered from the ones above.
 */
const pageRows = () =>
  raw(`page_values as materialized (
    select p.part, p.lo, p.hi, max(c.cents) filter (where c.position = p.lo) as top,
      max(c.cents) filter (where c.position = least(p.hi, b.positive)) as bottom
    from page_ranges p cross join bounds b join curve c on c.position in (p.lo, least(p.hi, b.positive))
    where p.lo <= b.positive group by p.part, p.lo, p.hi),
  page_offsets as materialized (
    select v.*, x.* from page_values v cross join lateral (
      select count(*) filter (where c.cents > v.top) as above,
        coalesce(sum(c.cents) filter (where c.cents > v.top), 0) as above_through from curve c) x),
  ranked_rows as (
    select r.*, ${classRule('', 'r').text} as class
    from (select o.part, o.lo, o.hi, s.customer_id, s.cents, s.previous_cents,
            o.above + row_number() over by_code as position,
            o.above_through + sum(s.cents) over (by_code rows unbounded preceding) - s.cents as before
          from page_offsets o join sums s on s.cents between o.bottom and o.top
          window by_code as (partition by o.part
            order by s.cents desc, (select code from customer c where c.id = s.customer_id) collate "C")) r,
         bounds b)`);

/**
 * The rank in the whole ranking, and the revenue ranked above, of each customer of CTE `source` (columns
 * customer_id, cents), as CTE `name`, found without ranking everybody: a customer with revenue ranks after
 * the curve's positions above its revenue and the ones of its tie group before it by code; one without
 * ranks in the tail, which is sorted once, only when `source` holds such a customer.
 */
const rankedAmong = (name: string, source: string) =>
  raw(`${name}_groups as materialized (
    select cents, min(position) as first, min(through) - cents as above_through from curve
    where cents in (select cents from ${source}) group by cents),
  ${name}_ties as materialized (
    select s.customer_id, row_number() over (partition by s.cents
        order by (select code from customer c where c.id = s.customer_id) collate "C") - 1 as ties
    from sums s where s.cents > 0 and s.cents in (select cents from ${source})),
  ${name}_tail as materialized (
    select c.id as customer_id,
      row_number() over (order by coalesce(s.cents, 0) desc, c.code collate "C") as n
    from customer c left join sums s on s.customer_id = c.id
    where coalesce(s.cents, 0) <= 0 and exists (select 1 from ${source} where cents <= 0)),
  ${name} as materialized (
    select v.*,
      case when v.cents > 0 then g.first + k.ties else b.positive + t.n end as position,
      case when v.cents > 0 then g.above_through + k.ties * v.cents else b.total end as before
    from ${source} v cross join bounds b
      left join ${name}_groups g on g.cents = v.cents and v.cents > 0
      left join ${name}_ties k on k.customer_id = v.customer_id and v.cents > 0
      left join ${name}_tail t on t.customer_id = v.customer_id and v.cents <= 0)`);

/**
 * The movers (customers with lines in either period; the others stay C or are new) with their way and
 * their rank in the whole ranking; only the visible ones when `scoped`. Classes compare as letters.
 */
const moverRanks = (previousClass: Sql, scoped: boolean) =>
  sql`moved as materialized (
    select v.*, case when v.class < v.previous_class then 'UP'
        when v.class > v.previous_class or (v.previous_cents > 0 and v.cents <= 0) then 'DOWN' end as way
    from (select s.customer_id, s.cents, s.previous_cents, ${raw(classOf('', 'm'))} as class,
            ${previousClass} as previous_class
          from sums s cross join marks m cross join previous_marks pm
          ${raw(scoped ? 'where s.customer_id in (select customer_id from visible)' : '')} offset 0) v),
  movers as (select * from moved where way is not null),
  ${rankedAmong('mover_ranked', 'movers')}`;

const moverMatch = raw(`r.way = s.way and (s.cls is null or r.class = s.cls)`);

/** A ranked row's revenue above it within the viewer's book (shown_before), as text. */
const BOOK_BEFORE = (alias: string) =>
  raw(`(select b.before from shown_before b where b.customer_id = ${alias}.customer_id)::text`);

/** Each movers page's rows after its cursor, and how many rows the list has in all. */
function moverOutputs(movers: readonly MoverSpec[], scoped: boolean): Sql[] {
  const spec = specs(movers, 'way text, cls text, "afterRank" int8, take int8');
  return [
    sql`(select coalesce(json_agg(x order by x.part, x.position), '[]') from (
      select s.part, r.customer_id, r.position, r.cents::text as cents,
        ${scoped ? BOOK_BEFORE('r') : raw('r.before::text')} as before, r.class,
        r.previous_class
      from (${spec}) s cross join lateral (select * from mover_ranked r where ${moverMatch}
        and r.position > s."afterRank" order by r.position limit s.take) r) x) as mover_rows`,
    sql`(select json_agg(json_build_array(s.part, (select count(*) from mover_ranked r where ${moverMatch})))
      from (${spec}) s) as mover_counts`,
  ];
}

/**
 * The visible customers with their company-wide class (none without lines is C), `shown`: the summary of
 * them, `shown_curve`: their positive revenues largest first, for their Pareto curve, and when pages or
 * movers are asked for, `shown_ranked`: each one's company-wide rank, and `shown_before`: the book's
 * revenue ranked above it.
 */
const shownCtes = (visible: Sql, ranked: boolean): Sql[] => [
  sql`visible as materialized (select c.id as customer_id from customer c where ${visible})`,
  raw(`shown_graded as materialized (
    select s.*, ${classOf('', 'm')} as class
    from (select v.customer_id, coalesce(s.cents, 0)::int8 as cents, s.previous_cents,
            s.customer_id is not null as traded
          from visible v left join sums s on s.customer_id = v.customer_id) s cross join marks m)`),
  raw(`shown as materialized (
    select coalesce(sum(cents) filter (where cents > 0), 0)::int8 as total, coalesce(sum(cents), 0)::int8 as net,
      count(*) filter (where cents > 0) as positive, count(*) as customers, count(*) filter (where traded) as traded,
      count(*) filter (where class = 'A') as a_count, count(*) filter (where class = 'B') as b_count,
      coalesce(sum(cents) filter (where class = 'A'), 0)::int8 as a_revenue,
      coalesce(sum(cents) filter (where class = 'B'), 0)::int8 as b_revenue
    from shown_graded)`),
  raw(`shown_curve as materialized (
    select row_number() over w as position, cents, (sum(cents) over (w rows unbounded preceding))::int8 as through
    from shown_graded where cents > 0 window w as (order by cents desc))`),
  ...(ranked
    ? [
        rankedAmong('shown_ranked', 'shown_graded'),
        // What the viewer's book earned above each of its customers: a grade's cumulative share is of the
        // book, so no company total can be read back from it.
        raw(`shown_before as materialized (select customer_id,
          (sum(greatest(cents, 0)) over (order by position rows unbounded preceding) - greatest(cents, 0))::int8
            as before from shown_ranked)`),
      ]
    : []),
];

/** Each page of the visible customers: the ones in its class ranked after its cursor, by rank. */
const shownPages = (pages: readonly PageSpec[], previousClass: Sql, previous: boolean) =>
  pages.length === 0
    ? raw(`'[]'::json as pages`)
    : sql`(select coalesce(json_agg(x order by x.part, x.position), '[]') from (
      select q.part, s.customer_id, s.position, s.cents::text as cents, ${BOOK_BEFORE('s')} as before, s.class,
        ${previousClass} as previous_class
      from (${specs(pages, 'cls text, "afterRank" int8, take int8')}) q cross join lateral (
        select * from shown_ranked r where (q.cls is null or r.class = q.cls) and r.position > q."afterRank"
        order by r.position limit q.take) s ${raw(previous ? 'cross join previous_marks pm' : '')}) x) as pages`;

/**
 * The pages of the whole ranking, by rank ranges, with the customers without revenue (zero before
 * negative, then by code) sorted only as far as a page reaches.
 */
const rankingCtes = (parts: FreshParts, previousClass: Sql, created: Sql): Sql[] => {
  const { previous } = parts;
  return [
    pageRanges(parts.pages),
    pageRows(),
    sql`tail as (
      select s.customer_id, s.cents, b.positive + row_number() over (order by s.cents desc, s.code) as position,
        ${previous ? sql`case when s.traded then ${previousClass} when s.created_at < ${created} then 'C' end` : raw('null::text')}
          as previous_class
      from (select c.id as customer_id, c.code collate "C" as code, coalesce(s.cents, 0) as cents,
              s.customer_id is not null as traded, s.previous_cents, c.created_at
            from customer c left join sums s on s.customer_id = c.id
            where coalesce(s.cents, 0) <= 0
            order by coalesce(s.cents, 0) desc, c.code collate "C"
            limit (select greatest(0, coalesce(max(p.hi), 0) - (select positive from bounds)) from page_ranges p)) s
      cross join bounds b ${raw(previous ? 'cross join previous_marks pm' : '')})`,
    sql`page_rows as (
      select s.part, s.customer_id, s.position, s.cents, s.before, s.class, ${previousClass} as previous_class
      from ranked_rows s ${raw(previous ? 'cross join previous_marks pm' : '')}
      where s.position between s.lo and s.hi
      union all
      select p.part, t.customer_id, t.position, t.cents, b.total, 'C', t.previous_class
      from page_ranges p join tail t on t.position between p.lo and p.hi cross join bounds b)`,
  ];
};

// The summary; its total is also what every grade's shares are of: the company's, or for a viewer who sees
// a book only, the book's (a share of the company's total would give that total away).
const SUMMARY = raw(`(select row_to_json(x) from (select b.total::text as total,
  b.net::text as net, b.positive, b.customers, b.traded, m.a_count, m.ab_count - m.a_count as b_count,
  m.a_through::text as a_revenue, (m.ab_through - m.a_through)::text as b_revenue
  from bounds b, marks m) x)`);
const SHOWN_FIELDS = `v.total::text as total, v.net::text as net, v.positive, v.customers, v.traded, v.a_count,
  v.b_count, v.a_revenue::text as a_revenue, v.b_revenue::text as b_revenue`;
const SHOWN_SUMMARY = raw(`(select row_to_json(x) from (select ${SHOWN_FIELDS} from shown v) x)`);

/**
 * The summary from the stored ranking (`stored`: the current stored period, or no row) or else null: the
 * company's figures as stored, or the visible customers' revenue and stored classes.
 */
const storedSummary = (visible: Sql | null): { ctes: Sql[]; summary: Sql } =>
  visible
    ? {
        ctes: [
          raw(`stored_shown as materialized (
    select coalesce(sum(r.cents) filter (where r.cents > 0), 0)::int8 as total, coalesce(sum(r.cents), 0)::int8 as net,
      count(*) filter (where r.cents > 0) as positive, count(*) as customers, count(r.customer_id) as traded,
      count(*) filter (where r.class = 'A') as a_count, count(*) filter (where r.class = 'B') as b_count,
      coalesce(sum(r.cents) filter (where r.class = 'A'), 0)::int8 as a_revenue,
      coalesce(sum(r.cents) filter (where r.class = 'B'), 0)::int8 as b_revenue
    from visible v left join abc_ranking r
      on r.period_id = (select id from stored) and r.customer_id = v.customer_id)`),
        ],
        summary: raw(`(select row_to_json(x) from (select ${SHOWN_FIELDS} from stored_shown v
          where exists (select 1 from stored)) x)`),
      }
    : {
        ctes: [],
        summary: raw(`(select row_to_json(x) from (select s.total::text as total, s.net::text as net,
          s.positive, (select count(*) from customer) as customers, s.traded, s.a_count, s.b_count,
          s.a_revenue::text as a_revenue, s.b_revenue::text as b_revenue from stored s) x)`),
      };

const PAGES =
  raw(`(select coalesce(json_agg(x order by x.part, x.position), '[]') from (select part, customer_id,
  position, cents::text as cents, before::text as before, class, previous_class from page_rows) x) as pages`);

export function freshStatement(request: AbcRequest, parts: FreshParts): Sql {
  const { previous, visible } = parts;
  const created = existedBefore(request);
  const periods: Prefix[] = previous ? ['', 'previous_'] : [''];
  const previousClass = previous ? previousClassOf(created) : raw('null::text');
  // A reader of every customer gets the statement without a trace of the visibility condition.
  const isVisible = (column: string) =>
    raw(visible ? `${column} in (select customer_id from visible)` : 'true');
  const ctes: Sql[] = [
    sql`sums as materialized (${revenueSums(request, previous)})`,
    sql`bounds as materialized (${periodBounds(request)})`,
    ...periods.flatMap((p) => [curve(p), marks(p)]),
    ...(visible
      ? shownCtes(visible, parts.pages.length > 0 || parts.movers.length > 0)
      : rankingCtes(parts, previousClass, created)),
    ...(parts.movers.length > 0 ? [moverRanks(previousClass, visible !== null)] : []),
  ];
  const fresh = visible ? SHOWN_SUMMARY : SUMMARY;
  const outputs: Sql[] = [];
  if (parts.stored) {
    // The fresh CTEs run only when the stored summary is null: PostgreSQL evaluates a subquery of
    // COALESCE only when the arguments before it are null, and a CTE only when a running plan reads it.
    const stored = storedSummary(visible);
    ctes.unshift(sql`stored as materialized (${parts.stored})`);
    ctes.push(...stored.ctes);
    outputs.push(sql`coalesce(${stored.summary}, ${fresh}) as summary`, raw(`'[]'::json as pages`));
  } else {
    outputs.push(
      sql`${fresh} as summary`,
      visible ? shownPages(parts.pages, previousClass, previous) : PAGES,
    );
  }
  if (parts.movers.length > 0) outputs.push(...moverOutputs(parts.movers, visible !== null));
  if (parts.movements) {
    outputs.push(
      // OFFSET 0: each customer's classes once, not once per count
      sql`(select ${raw(movementCounts())} from (
        select ${raw(classOf('', 'm'))} as class, ${previousClass} as previous_class
        from sums s cross join marks m cross join previous_marks pm where ${isVisible('s.customer_id')}
        offset 0) x) as movements`,
      // Customers without lines in either period: C now, and C before unless created since.
      sql`(select count(*) from customer n where n.created_at >= ${created}
        and not exists (select 1 from sums s where s.customer_id = n.id) and ${isVisible('n.id')})::int as new_idle`,
    );
  }
  if (parts.pareto.length > 0) {
    // The curve's points at ranks round(k·n / (points − 1)), k = 0 … points − 1 (all ranks when n < points):
    // rank i is one when the k nearest to i·(points − 1)/n gives it back. Integer arithmetic, rounding half up.
    // A scoped viewer's curve is the one of the visible customers.
    const at = (k: string) => `(2 * (${k}) * b.customers + s.points - 1) / (2 * (s.points - 1))`;
    const k = 'c.position * (s.points - 1) / b.customers';
    outputs.push(
      sql`(select coalesce(json_agg(json_build_array(s.part, c.position, c.through::text)), '[]')
        from ${raw(visible ? 'shown_curve' : 'curve')} c cross join (${specs(
          parts.pareto.map((points) => ({ points })),
          'points int8',
        )}) s cross join ${raw(visible ? 'shown' : 'bounds')} b
        where b.customers + 1 <= s.points or c.position in (${raw(at(k))}, ${raw(at(`${k} + 1`))})) as pareto`,
    );
  }
  return sql`with ${joinSql(ctes, ',\n')} select ${joinSql(outputs, ', ')}`;
}
