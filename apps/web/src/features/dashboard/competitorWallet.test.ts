import { describe, expect, it } from 'vitest';
import { byRevenueAtStake, competitorCustomersHref, walletOption, walletVariables } from './competitorWallet';

const share = (id: string, name: string, revenueAtStake: string, customers = 1) => ({
  competitor: { id, name },
  customers,
  revenueAtStake,
});

describe('the competitors panel order', () => {
  it.each([
    {
      name: 'most revenue at stake first, compared as Decimals',
      rows: [share('a', 'ABB', '9.99'), share('s', 'Siemens', '1000000.01'), share('o', 'Omron', '99.90')],
      order: ['Siemens', 'Omron', 'ABB'],
    },
    {
      // as floats 0.1 + 0.2 vs 0.3 would differ; as strings '10' < '9'; the exact order is neither trap
      name: 'amounts a float or a string compare would mis-order',
      rows: [share('a', 'A', '9.00'), share('b', 'B', '10.00'), share('c', 'C', '0.30')],
      order: ['B', 'A', 'C'],
    },
    {
      name: 'equal amounts: more customers first, then by name',
      rows: [share('z', 'Zeta', '0.00', 2), share('b', 'Beta', '0.00', 2), share('y', 'Alpha', '0.00', 1)],
      order: ['Beta', 'Zeta', 'Alpha'],
    },
    { name: 'no competitors', rows: [], order: [] },
  ])('$name', ({ rows, order }) => {
    expect(byRevenueAtStake(rows).map((r) => r.competitor.name)).toEqual(order);
  });
});

describe('the competitors chart option', () => {
  const texts = { revenueAtStake: 'Revenue at stake', money: (n: number) => `¥${n}` };
  type Option = {
    xAxis: { type: string };
    yAxis: { type: string; data: string[]; inverse: boolean };
    series: Array<{ name: string; type: string; data: number[] }>;
    tooltip: { valueFormatter: (n: number) => string };
  };

  it.each([
    {
      name: 'horizontal bars, the most at stake on top',
      rows: [share('a', 'ABB', '1234.56'), share('s', 'Siemens', '98765.40')],
      names: ['Siemens', 'ABB'],
      values: [98765.4, 1234.56],
    },
    { name: 'no competitors: no bars', rows: [], names: [], values: [] },
  ])('$name', ({ rows, names, values }) => {
    const option = walletOption(rows, texts) as Option;
    expect(option.yAxis).toEqual({ type: 'category', data: names, inverse: true });
    expect(option.xAxis.type).toBe('value');
    expect(option.series).toHaveLength(1);
    expect(option.series[0]).toMatchObject({ name: 'Revenue at stake', type: 'bar', data: values });
    expect(option.tooltip.valueFormatter(12.5)).toBe('¥12.5');
  });
});

describe('the competitors panel links and period', () => {
  it('opens the customer list filtered by the competitor', () => {
    expect(competitorCustomersHref('Q29tcGV0aXRvcjox')).toBe('/customers?competitor=Q29tcGV0aXRvcjox');
  });

  it.each([
    { url: '', input: null },
    { url: 'period=2025', input: { from: '2025-01-01', to: '2025-12-31' } },
    { url: 'period=2026-Q2&by=REGION', input: { from: '2026-04-01', to: '2026-06-30' } },
  ])('asks for the dashboard period "$url"', ({ url, input }) => {
    expect(walletVariables(new URLSearchParams(url))).toEqual({ input });
  });
});
