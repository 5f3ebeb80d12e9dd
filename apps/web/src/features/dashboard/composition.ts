import { CompositionDimension } from '@dossier/domain';
import type { EChartsCoreOption } from 'echarts/core';

// The composition chart's bars, its ECharts option and the customer list behind each slice, apart
// from React so they can be table-tested.

export interface Slice {
  key: string;
  label: string;
  /** a Decimal string */
  revenue: string;
}

/** One bar: a slice, or the slices past the largest ones taken together (`key` null). */
export interface Bar {
  key: string | null;
  label: string;
  revenue: number;
}

/** The URL's `by` parameter; anything unreadable is the ABC class. */
export function readDimension(value: string | null): CompositionDimension {
  return Object.values(CompositionDimension).find((d) => d === value) ?? CompositionDimension.ABC_CLASS;
}

/**
 * What the chart draws. Months run in calendar order, each its own bar; any other dimension is
 * ranked by revenue, and past `limit` bars the smallest slices share one last bar, so a hundred
 * products still read at a glance (the table below lists every one).
 */
export function compositionBars(
  slices: readonly Slice[],
  by: CompositionDimension,
  othersLabel: string,
  limit = 12,
): Bar[] {
  const bars = slices.map((s) => ({ key: s.key, label: s.label, revenue: Number(s.revenue) }));
  if (by === CompositionDimension.MONTH) return bars.sort((a, b) => a.key.localeCompare(b.key));
  bars.sort((a, b) => b.revenue - a.revenue);
  if (bars.length <= limit) return bars;
  const rest = bars.slice(limit - 1);
  // Summed in cents so the bar is the exact total of the yuan amounts it stands for.
  const cents = rest.reduce((sum, bar) => sum + Math.round(bar.revenue * 100), 0);
  return [...bars.slice(0, limit - 1), { key: null, label: othersLabel, revenue: cents / 100 }];
}

export interface CompositionTexts {
  revenue: string;
  others: string;
  money: (amount: number) => string;
}

/** Horizontal bars, largest on top; months as a vertical series left to right. */
export function compositionOption(
  slices: readonly Slice[],
  by: CompositionDimension,
  texts: CompositionTexts,
): EChartsCoreOption {
  const bars = compositionBars(slices, by, texts.others);
  const categories = { type: 'category', data: bars.map((b) => b.label) };
  const values = { type: 'value', axisLabel: { formatter: compact } };
  const months = by === CompositionDimension.MONTH;
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: texts.money },
    xAxis: months ? categories : values,
    // The first bar on top: a category axis runs upwards unless inverted.
    yAxis: months ? values : { ...categories, inverse: true },
    series: [
      {
        name: texts.revenue,
        type: 'bar',
        itemStyle: { color: '#1d4ed8' },
        // The "others" bar opens no list: it is greyed, as the table shows its slices one by one.
        data: bars.map((b) =>
          b.key === null ? { value: b.revenue, itemStyle: { color: '#9aa5b1' } } : b.revenue,
        ),
      },
    ],
  };
}

/** Axis ticks in thousands or millions: full amounts would crowd a tablet's axis. */
function compact(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e6) return `${value / 1e6}M`;
  if (size >= 1e3) return `${value / 1e3}k`;
  return String(value);
}

const lastDay = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * The customer list of the customers a slice counts: those with orders in the period (in its
 * month, for a month), of its class, region, product, category, nature or owner. A slice without a
 * key ("not specified", "no owner") or the others bar has no list to open.
 */
export function sliceLink(
  by: CompositionDimension,
  key: string | null,
  period: { from: string; to: string },
): string | null {
  if (!key) return null;
  const params = new URLSearchParams({ orderedFrom: period.from, orderedTo: period.to });
  const filter: Record<CompositionDimension, () => void> = {
    [CompositionDimension.ABC_CLASS]: () => params.set('abc', key),
    [CompositionDimension.REGION]: () => params.set('orderRegion', key),
    [CompositionDimension.PRODUCT]: () => params.set('product', key),
    [CompositionDimension.CATEGORY]: () => params.set('category', key),
    [CompositionDimension.NATURE]: () => params.set('nature', key),
    [CompositionDimension.OWNER]: () => params.set('owner', key),
    [CompositionDimension.MONTH]: () => {
      // ISO days sort as text: the later start and the earlier end cut the month to the period.
      params.set('orderedFrom', [`${key}-01`, period.from].sort()[1] as string);
      params.set('orderedTo', [lastDay(key), period.to].sort()[0] as string);
    },
  };
  filter[by]();
  return `/customers?${params}`;
}
