import { compareMoney } from '@dossier/domain';
import type { EChartsCoreOption } from 'echarts/core';
import type { DashboardCompetitorWalletQueryVariables } from '../../apollo/generated';
import { abcInputOf, readPeriod } from './period';

// The competitors panel's order, links and chart option, apart from React so they can be table-tested.

export interface WalletShare {
  competitor: { id: string; name: string };
  /** customers where it is present */
  customers: number;
  /** a Decimal string, in yuan */
  revenueAtStake: string;
}

/** The panel's query from the dashboard's URL: the same `period` as every other figure of the page. */
export const walletVariables = (params: URLSearchParams): DashboardCompetitorWalletQueryVariables => ({
  input: abcInputOf(readPeriod(params.get('period'))) ?? null,
});

/**
 * Most revenue at stake first, compared exactly (as Decimals, not floats); ties by more customers, then
 * by name: the server's order, kept whatever order the rows arrive in.
 */
export function byRevenueAtStake<Row extends WalletShare>(rows: readonly Row[]): Row[] {
  return [...rows].sort(
    (a, b) =>
      compareMoney(b.revenueAtStake, a.revenueAtStake) ||
      b.customers - a.customers ||
      a.competitor.name.localeCompare(b.competitor.name),
  );
}

/** The customer list narrowed to the customers where the competitor (a global id) is present. */
export const competitorCustomersHref = (competitorId: string): string =>
  `/customers?${new URLSearchParams({ competitor: competitorId })}`;

export interface WalletTexts {
  revenueAtStake: string;
  money: (amount: number) => string;
}

/**
 * Horizontal bars of revenue at stake, the largest on top. The Decimal strings become numbers here
 * only: a bar's length needs no cent, the table beside it shows the exact amounts.
 */
export function walletOption(rows: readonly WalletShare[], texts: WalletTexts): EChartsCoreOption {
  const sorted = byRevenueAtStake(rows);
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: texts.money },
    xAxis: { type: 'value' },
    // The first bar on top: a category axis runs upwards unless inverted.
    yAxis: { type: 'category', data: sorted.map((r) => r.competitor.name), inverse: true },
    series: [
      {
        name: texts.revenueAtStake,
        type: 'bar',
        itemStyle: { color: '#b45309' },
        data: sorted.map((r) => Number(r.revenueAtStake)),
      },
    ],
  };
}
