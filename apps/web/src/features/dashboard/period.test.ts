import { describe, expect, it } from 'vitest';
import { abcInputOf, periodChoices, periodParam, readPeriod } from './period';

describe('the period in the URL', () => {
  it.each([
    [null, { kind: 'last12' }, undefined],
    ['', { kind: 'last12' }, undefined],
    ['garbage', { kind: 'last12' }, undefined],
    ['2025', { kind: 'year', year: 2025 }, { from: '2025-01-01', to: '2025-12-31' }],
    ['2026-Q1', { kind: 'quarter', year: 2026, quarter: 1 }, { from: '2026-01-01', to: '2026-03-31' }],
    ['2024-Q2', { kind: 'quarter', year: 2024, quarter: 2 }, { from: '2024-04-01', to: '2024-06-30' }],
    ['2026-Q3', { kind: 'quarter', year: 2026, quarter: 3 }, { from: '2026-07-01', to: '2026-09-30' }],
    ['2026-Q4', { kind: 'quarter', year: 2026, quarter: 4 }, { from: '2026-10-01', to: '2026-12-31' }],
    ['2026-Q5', { kind: 'last12' }, undefined],
  ])('%s reads as %j, asking for %j', (param, period, input) => {
    expect(readPeriod(param)).toEqual(period);
    expect(abcInputOf(readPeriod(param))).toEqual(input);
  });

  it.each(['', '2025', '2026-Q3'])('%j round-trips through the URL', (param) => {
    expect(periodParam(readPeriod(param))).toBe(param);
  });
});

describe('the periods offered', () => {
  it.each([
    ['2026-11-29', ['', '2026', '2025', '2024', '2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1']],
    ['2026-02-01', ['', '2026', '2025', '2024', '2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2']],
  ])('on %s: last 12 months, three years, four quarters', (today, params) => {
    expect(periodChoices(today, readPeriod('')).map(periodParam)).toEqual(params);
  });

  it('keeps an older period from a bookmark', () => {
    expect(periodChoices('2026-11-29', readPeriod('2019-Q2')).map(periodParam).at(-1)).toBe('2019-Q2');
  });
});
