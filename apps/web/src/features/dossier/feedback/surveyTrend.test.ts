import { describe, expect, it } from 'vitest';
import { surveyTrendOption, trendSeries } from './surveyTrend';

const surveys = [
  { surveyedOn: '2026-05-10', productScore: 3, deliveryScore: 2, serviceScore: 4, priceScore: 2 },
  { surveyedOn: '2026-08-12', productScore: 4, deliveryScore: 3, serviceScore: 4, priceScore: 3 },
];

describe('surveyTrendOption', () => {
  it('draws one line per aspect over the survey dates, scores 1–5', () => {
    const option = surveyTrendOption(surveys, 'zh-CN') as {
      xAxis: { data: string[] };
      yAxis: { min: number; max: number };
      series: Array<{ name: string; data: number[] }>;
    };
    expect(option.xAxis.data).toEqual(['2026-05-10', '2026-08-12']);
    expect([option.yAxis.min, option.yAxis.max]).toEqual([1, 5]);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['产品', [3, 4]],
      ['交货', [2, 3]],
      ['服务', [4, 4]],
      ['价格', [2, 3]],
    ]);
  });

  it('names the lines in English for an English reader, and draws nothing without surveys', () => {
    const option = surveyTrendOption([], 'en') as { series: Array<{ name: string; data: number[] }> };
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['Product', []],
      ['Delivery', []],
      ['Service', []],
      ['Price', []],
    ]);
  });

  it('gives the same figures as text', () => {
    expect(trendSeries(surveys).map(({ aspect, scores }) => `${aspect} ${scores.join(',')}`)).toEqual([
      'PRODUCT 3,4',
      'DELIVERY 2,3',
      'SERVICE 4,4',
      'PRICE 2,3',
    ]);
  });
});
