import { AbcClass } from '@dossier/domain';
import type { EChartsCoreOption } from 'echarts/core';

// The Pareto chart's figures and its ECharts option, apart from React so they can be table-tested.

export interface ParetoPoint {
  /** fraction of customers, ranked by revenue, from 0 to 1 */
  customerShare: number;
  /** cumulative fraction of revenue, from 0 to 1 */
  revenueShare: number;
}

export interface ClassCount {
  class: AbcClass;
  customers: number;
  share: number;
}

/** One class's stretch of the ranked customers: from and to as fractions of all customers. */
export interface ParetoBand {
  class: AbcClass;
  from: number;
  to: number;
  /** of the period's revenue */
  revenueShare: number;
}

/** Where A, B and C lie along the ranked customers; a class without customers has no band. */
export function paretoBands(classes: readonly ClassCount[]): ParetoBand[] {
  const total = classes.reduce((sum, c) => sum + c.customers, 0);
  if (total === 0) return [];
  let seen = 0;
  return classes.flatMap((c) => {
    const from = seen / total;
    seen += c.customers;
    return c.customers > 0 ? [{ class: c.class, from, to: seen / total, revenueShare: c.share }] : [];
  });
}

/**
 * The bars: the server thins the curve to evenly spread points (one per customer when there are
 * few), so each bar is one equal slice of the ranked customers and its height is the slice's share
 * of revenue. Bars stay comparable however many customers there are. `[middle of slice, share]`.
 */
export function paretoBars(points: readonly ParetoPoint[]): Array<[number, number]> {
  return points.slice(1).map((point, i) => {
    const before = points[i] as ParetoPoint;
    return [(before.customerShare + point.customerShare) / 2, point.revenueShare - before.revenueShare];
  });
}

export interface ParetoTexts {
  customers: string;
  slice: string;
  cumulative: string;
  /** each class's name on its band */
  classes: Record<AbcClass, string>;
}

const BAND_COLOURS: Record<AbcClass, string> = {
  [AbcClass.A]: 'rgba(29, 78, 216, 0.14)',
  [AbcClass.B]: 'rgba(217, 119, 6, 0.14)',
  [AbcClass.C]: 'rgba(97, 110, 124, 0.12)',
};

const percent = (fraction: number) => Math.round(fraction * 10000) / 100;

/** Bars per slice of customers on the left axis, the cumulative share on the right, bands behind. */
export function paretoOption(
  points: readonly ParetoPoint[],
  classes: readonly ClassCount[],
  texts: ParetoTexts,
): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 56, right: 56, top: 32, bottom: 48 },
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => `${value}%` },
    legend: { top: 0, data: [texts.slice, texts.cumulative] },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: texts.customers,
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { formatter: '{value}%' },
    },
    yAxis: [
      { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      {
        name: texts.slice,
        type: 'bar',
        yAxisIndex: 0,
        // On a value axis a bar's 100% is the gap between neighbouring bars: one slice.
        barWidth: '80%',
        itemStyle: { color: '#1d4ed8' },
        data: paretoBars(points).map(([x, share]) => [percent(x), percent(share)]),
        markArea: {
          silent: true,
          label: { position: 'insideTop', color: '#1f2933', fontWeight: 'bold' },
          data: paretoBands(classes).map((band) => [
            {
              name: texts.classes[band.class],
              xAxis: percent(band.from),
              itemStyle: { color: BAND_COLOURS[band.class] },
            },
            { xAxis: percent(band.to) },
          ]),
        },
      },
      {
        name: texts.cumulative,
        type: 'line',
        yAxisIndex: 1,
        showSymbol: false,
        itemStyle: { color: '#d97706' },
        data: points.map((p) => [percent(p.customerShare), percent(p.revenueShare)]),
      },
    ],
  };
}
