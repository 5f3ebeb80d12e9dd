import { AbcClass } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { paretoBands, paretoBars, paretoOption } from './pareto';

const { A, B, C } = AbcClass;

describe('Pareto bands', () => {
  it.each([
    {
      classes: [
        { class: A, customers: 2, share: 0.8 },
        { class: B, customers: 3, share: 0.15 },
        { class: C, customers: 5, share: 0.05 },
      ],
      bands: [
        { class: A, from: 0, to: 0.2, revenueShare: 0.8 },
        { class: B, from: 0.2, to: 0.5, revenueShare: 0.15 },
        { class: C, from: 0.5, to: 1, revenueShare: 0.05 },
      ],
    },
    {
      // one customer making all the revenue: B is empty and has no band
      classes: [
        { class: A, customers: 1, share: 1 },
        { class: B, customers: 0, share: 0 },
        { class: C, customers: 3, share: 0 },
      ],
      bands: [
        { class: A, from: 0, to: 0.25, revenueShare: 1 },
        { class: C, from: 0.25, to: 1, revenueShare: 0 },
      ],
    },
    { classes: [{ class: A, customers: 0, share: 0 }], bands: [] },
  ])('$classes.length classes → $bands.length bands', ({ classes, bands }) => {
    expect(paretoBands(classes)).toEqual(bands);
  });
});

describe('Pareto bars', () => {
  it.each([
    { points: [], bars: [] },
    { points: [{ customerShare: 0, revenueShare: 0 }], bars: [] },
    {
      // four customers with 50, 25, 15, 10% of revenue: one bar each, in the middle of its slice
      points: [
        { customerShare: 0, revenueShare: 0 },
        { customerShare: 0.25, revenueShare: 0.5 },
        { customerShare: 0.5, revenueShare: 0.75 },
        { customerShare: 0.75, revenueShare: 0.9 },
        { customerShare: 1, revenueShare: 1 },
      ],
      bars: [
        [0.125, 0.5],
        [0.375, 0.25],
        [0.625, 0.15],
        [0.875, 0.1],
      ],
    },
  ])('$points.length points → $bars.length bars', ({ points, bars }) => {
    const got = paretoBars(points);
    expect(got.map(([x]) => x)).toEqual(bars.map(([x]) => x));
    for (const [i, [, share]] of got.entries()) expect(share).toBeCloseTo(bars[i]?.[1] ?? Number.NaN, 10);
  });
});

describe('the Pareto chart option', () => {
  const points = [
    { customerShare: 0, revenueShare: 0 },
    { customerShare: 0.5, revenueShare: 0.9 },
    { customerShare: 1, revenueShare: 1 },
  ];
  const classes = [
    { class: A, customers: 1, share: 0.9 },
    { class: B, customers: 0, share: 0 },
    { class: C, customers: 1, share: 0.1 },
  ];
  const texts = {
    customers: 'Customers',
    slice: 'Revenue share',
    cumulative: 'Cumulative',
    classes: { A: 'Class A', B: 'Class B', C: 'Class C' },
  };
  type Series = {
    name: string;
    data: number[][];
    markArea?: { data: Array<[{ name: string; xAxis: number }, { xAxis: number }]> };
  };
  const [bars, line] = paretoOption(points, classes, texts).series as Series[];

  it('draws the slices as bars and the cumulative share as a line, in percent', () => {
    expect(bars?.name).toBe('Revenue share');
    expect(bars?.data).toEqual([
      [25, 90],
      [75, 10],
    ]);
    expect(line?.name).toBe('Cumulative');
    expect(line?.data).toEqual([
      [0, 0],
      [50, 90],
      [100, 100],
    ]);
  });

  it('shades a named band per class with customers', () => {
    expect(bars?.markArea?.data.map(([start, end]) => [start.name, start.xAxis, end.xAxis])).toEqual([
      ['Class A', 0, 50],
      ['Class C', 50, 100],
    ]);
  });
});
