import { CompositionDimension as D } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { compositionBars, compositionOption, readDimension, sliceLink } from './composition';

const slice = (key: string, revenue: string) => ({ key, label: `L${key}`, revenue });

describe('composition bars', () => {
  it.each([
    {
      name: 'few slices: each its own bar, largest first',
      by: D.REGION,
      slices: [slice('b', '10.50'), slice('a', '30'), slice('', '-2')],
      limit: 3,
      bars: [
        ['a', 30],
        ['b', 10.5],
        ['', -2],
      ],
    },
    {
      name: 'more slices than bars: the smallest share the last bar, to the cent',
      by: D.PRODUCT,
      slices: [slice('p1', '50'), slice('p2', '0.10'), slice('p3', '0.20'), slice('p4', '20')],
      limit: 3,
      bars: [
        ['p1', 50],
        ['p4', 20],
        [null, 0.3],
      ],
    },
    {
      name: 'months in calendar order, however many',
      by: D.MONTH,
      slices: [slice('2026-02', '5'), slice('2025-12', '9'), slice('2026-01', '1'), slice('2026-03', '7')],
      limit: 3,
      bars: [
        ['2025-12', 9],
        ['2026-01', 1],
        ['2026-02', 5],
        ['2026-03', 7],
      ],
    },
    { name: 'no revenue: no bars', by: D.OWNER, slices: [], limit: 3, bars: [] },
  ])('$name', ({ by, slices, limit, bars }) => {
    const got = compositionBars(slices, by, 'Others', limit);
    expect(got.map((b) => [b.key, b.revenue])).toEqual(bars);
    if (got.at(-1)?.key === null) expect(got.at(-1)?.label).toBe('Others');
  });
});

describe('the composition chart option', () => {
  const texts = { revenue: 'Revenue', others: 'Others', money: (n: number) => `¥${n}` };
  type Axis = { type: string; data?: string[]; inverse?: boolean };
  type Option = { xAxis: Axis; yAxis: Axis; series: Array<{ name: string; data: unknown[] }> };

  it('draws a dimension as horizontal bars, the largest on top', () => {
    const option = compositionOption([slice('x', '1'), slice('y', '3')], D.CATEGORY, texts) as Option;
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['Ly', 'Lx'], inverse: true });
    expect(option.xAxis.type).toBe('value');
    expect(option.series[0]?.name).toBe('Revenue');
    expect(option.series[0]?.data).toEqual([3, 1]);
  });

  it('draws months as a time series left to right', () => {
    const option = compositionOption(
      [slice('2026-02', '1'), slice('2026-01', '3')],
      D.MONTH,
      texts,
    ) as Option;
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['L2026-01', 'L2026-02'] });
    expect(option.yAxis.type).toBe('value');
    expect(option.series[0]?.data).toEqual([3, 1]);
  });

  it('greys the others bar', () => {
    const many = Array.from({ length: 14 }, (_, i) => slice(`k${i}`, String(100 - i)));
    const data = (compositionOption(many, D.PRODUCT, texts) as Option).series[0]?.data ?? [];
    expect(data).toHaveLength(12);
    expect(data.at(-1)).toEqual({ value: 89 + 88 + 87, itemStyle: { color: '#9aa5b1' } });
  });
});

describe('the customers behind a slice', () => {
  const period = { from: '2025-12-01', to: '2026-11-30' };
  const q = (url: string | null) => Object.fromEntries(new URL(url ?? 'none:', 'http://x').searchParams);
  const inPeriod = { orderedFrom: '2025-12-01', orderedTo: '2026-11-30' };

  it.each([
    [D.ABC_CLASS, 'A', { ...inPeriod, abc: 'A' }],
    [D.REGION, '华东', { ...inPeriod, orderRegion: '华东' }],
    [D.PRODUCT, 'UHJvZHVjdDox', { ...inPeriod, product: 'UHJvZHVjdDox' }],
    [D.CATEGORY, 'Hardware', { ...inPeriod, category: 'Hardware' }],
    [D.NATURE, 'GOVERNMENT', { ...inPeriod, nature: 'GOVERNMENT' }],
    [D.OWNER, 'U3RhZmY6MQ', { ...inPeriod, owner: 'U3RhZmY6MQ' }],
    [D.MONTH, '2026-02', { orderedFrom: '2026-02-01', orderedTo: '2026-02-28' }],
    // the period's first and last months are cut to the period
    [D.MONTH, '2025-12', { orderedFrom: '2025-12-01', orderedTo: '2025-12-31' }],
    [D.MONTH, '2026-11', { orderedFrom: '2026-11-01', orderedTo: '2026-11-30' }],
  ])('%s %s', (by, key, params) => {
    const url = sliceLink(by, key, period);
    expect(url?.startsWith('/customers?')).toBe(true);
    expect(q(url)).toEqual(params);
  });

  it('cuts a month to a period that starts or ends inside it', () => {
    expect(q(sliceLink(D.MONTH, '2024-02', { from: '2024-02-10', to: '2024-02-20' }))).toEqual({
      orderedFrom: '2024-02-10',
      orderedTo: '2024-02-20',
    });
    expect(q(sliceLink(D.MONTH, '2024-02', { from: '2024-01-01', to: '2024-12-31' })).orderedTo).toBe(
      '2024-02-29',
    );
  });

  it.each([
    ['a slice without a key', ''],
    ['the others bar', null],
  ])('%s opens no list', (_case, key) => {
    expect(sliceLink(D.REGION, key, period)).toBeNull();
  });
});

describe('the dimension in the URL', () => {
  it.each([
    ['REGION', D.REGION],
    ['MONTH', D.MONTH],
    ['region', D.ABC_CLASS],
    [null, D.ABC_CLASS],
  ])('%s → %s', (value, by) => {
    expect(readDimension(value)).toBe(by);
  });
});
