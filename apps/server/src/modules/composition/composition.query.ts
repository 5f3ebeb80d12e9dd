import {
  abcClassLabels,
  type BilingualLabel,
  CompositionDimension,
  customerNatureLabels,
  type LabelTable,
  type Locale,
} from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { visibleCustomers } from '../../core/access/scope.js';
import { readReplica } from '../../core/database/replicas.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { CURRENT_PERIOD_ID } from '../abc/abc.ranking.js';
import type { Staff } from '../staff/staff.entity.js';
import type { Period } from './composition.period.js';
import { CompositionSlice } from './composition.types.js';

const NOT_SPECIFIED: BilingualLabel = { 'zh-CN': '未指定', en: 'Not specified' };
const NO_OWNER: BilingualLabel = { 'zh-CN': '无负责人', en: 'No owner' };

interface Row {
  key: string;
  name: string | null;
  revenue: string;
  share: number;
  customers: number;
  orders: number;
}

interface Dimension {
  /**
   * `l`, the revenue rows: `orders` the rollup per order and day (order_day_revenue, with the order's
   * region), `lines` the order_revenue view for what only lines carry (products). Same columns, same sums.
   */
  source: 'orders' | 'lines';
  /** tables beyond `l` and `customer c` */
  join?: (query: Knex.QueryBuilder) => void;
  /** SQL of the key; '' where the data has none */
  key: string;
  /** SQL of a name the label shows (products, staff) */
  name?: string;
  slice(row: Row, locale: Locale): { key: string; label: string };
  /** Read from the stored ranking's revenue by region (abc_ranking_region) while it is current. */
  stored?: true;
}

const labelled =
  (table: LabelTable<string>) =>
  ({ key }: Row, locale: Locale) => ({ key, label: table[key]?.[locale] ?? key });
const asIs = ({ key }: Row, locale: Locale) => ({ key, label: key || NOT_SPECIFIED[locale] });
const named =
  (type: string, missing: BilingualLabel) =>
  ({ key, name }: Row, locale: Locale) =>
    key ? { key: toGlobalId(type, key), label: name ?? '' } : { key, label: missing[locale] };

const DIMENSIONS: Record<CompositionDimension, Dimension> = {
  // The class of the default-period snapshot (Customer.abc), whatever the period asked for.
  [CompositionDimension.ABC_CLASS]: {
    source: 'orders',
    join: (q) => q.join('abc_grade as g', 'g.customer_id', 'l.customer_id'),
    key: 'g.class',
    slice: labelled(abcClassLabels),
  },
  // Where the order was sold; an order without a region counts in its customer's.
  [CompositionDimension.REGION]: {
    source: 'orders',
    key: `coalesce(l.region, c.region, '')`,
    slice: asIs,
    stored: true,
  },
  // A return credits its order, not a product: by product and category it is its own "not specified" slice.
  [CompositionDimension.PRODUCT]: {
    source: 'lines',
    join: (q) => q.leftJoin('product as p', 'p.id', 'l.product_id'),
    key: `coalesce(p.id::text, '')`,
    name: 'p.name',
    slice: named('Product', NOT_SPECIFIED),
  },
  [CompositionDimension.CATEGORY]: {
    source: 'lines',
    join: (q) => q.leftJoin('product as p', 'p.id', 'l.product_id'),
    key: `coalesce(p.category, '')`,
    slice: asIs,
  },
  [CompositionDimension.NATURE]: { source: 'orders', key: 'c.nature', slice: labelled(customerNatureLabels) },
  // The customer's responsible rep today (负责人), who answers for its revenue.
  [CompositionDimension.OWNER]: {
    source: 'orders',
    join: (q) => q.leftJoin('staff as s', 's.id', 'c.owner_id'),
    key: `coalesce(s.id::text, '')`,
    name: 's.name',
    slice: named('Staff', NO_OWNER),
  },
  [CompositionDimension.MONTH]: { source: 'orders', key: `to_char(l.ordered_at, 'YYYY-MM')`, slice: asIs },
};

/** The revenue of a group of `l` rows, its share of the period's total (a window over the groups). */
const sums = (knex: Knex) =>
  [
    'sum(l.amount) as amount',
    'sum(l.amount)::text as revenue',
    'coalesce(sum(l.amount) / nullif(sum(sum(l.amount)) over (), 0), 0)::float8 as share',
  ].map((column) => knex.raw(column));

/**
 * The slices from the stored revenue per customer and region when the ranking of exactly this period is
 * current, else from `fresh` (a query over the order rows): one statement, whose fresh half PostgreSQL
 * skips when the stored period is there (a one-time filter) and whose stored half finds no row otherwise.
 */
function storedOrFresh(
  knex: Knex,
  viewer: Staff,
  period: Period,
  fresh: Knex.QueryBuilder,
): Knex.QueryBuilder {
  const stored = knex
    .queryBuilder()
    .from('abc_ranking_region as l')
    .join('customer as c', 'c.id', 'l.customer_id')
    .whereRaw('l.period_id = (select id from stored)')
    .select(
      knex.raw('l.region as key'),
      knex.raw('null::text as name'),
      ...sums(knex),
      knex.raw('count(*)::int as customers'),
      knex.raw('sum(l.orders)::int as orders'),
    )
    .groupBy('l.region');
  return knex
    .queryBuilder()
    .with('stored', knex.raw(CURRENT_PERIOD_ID, [period.from, period.to]))
    .select('*')
    .from(
      knex.raw('(? union all ?) as x', [
        visibleCustomers(stored, 'c', viewer, 'set'),
        fresh.whereRaw('not exists (select 1 from stored)'),
      ]),
    );
}

/**
 * Revenue of the period by one dimension, in one GROUP BY over the order lines less returns (the
 * order_revenue view, or its rollup per order; by order date as ABC counts them) of visible customers: the
 * share is of the period's total (a window over the groups), customers and orders are distinct counts.
 */
export async function composition(
  em: EntityManager,
  viewer: Staff,
  by: CompositionDimension,
  period: { from: string; to: string },
  locale: Locale,
): Promise<CompositionSlice[]> {
  const knex = em.getKnex();
  const dimension = DIMENSIONS[by];
  const query = knex
    .queryBuilder()
    .from(dimension.source === 'orders' ? 'order_day_revenue as l' : 'order_revenue as l')
    .join('customer as c', 'c.id', 'l.customer_id')
    .whereBetween('l.ordered_at', [period.from, period.to]);
  dimension.join?.(query);
  const name = dimension.name ?? 'null::text';
  query
    .select(
      knex.raw(`${dimension.key} as key`),
      knex.raw(`${name} as name`),
      ...sums(knex),
      knex.raw('count(distinct l.customer_id)::int as customers'),
      knex.raw('count(distinct l.order_id)::int as orders'),
    )
    .groupByRaw(dimension.name ? `1, ${dimension.name}` : '1');
  const fresh = visibleCustomers(query, 'c', viewer, 'set');
  const statement = dimension.stored ? storedOrFresh(knex, viewer, period, fresh) : fresh;
  const rows = await readReplica(em).execute<Row[]>(statement.orderByRaw('amount desc, 1'));
  return rows.map((row) =>
    Object.assign(new CompositionSlice(), {
      ...dimension.slice(row, locale),
      revenue: row.revenue,
      share: row.share,
      customers: row.customers,
      orders: row.orders,
    }),
  );
}
