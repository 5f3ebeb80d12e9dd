import { type Locale, SURVEY_ASPECTS, SurveyAspect, surveyAspectLabels } from '@dossier/domain';
import type { EChartsCoreOption } from 'echarts/core';

/** One survey as the trend reads it. */
export interface TrendSurvey {
  surveyedOn: string;
  productScore: number;
  deliveryScore: number;
  serviceScore: number;
  priceScore: number;
}

const SCORE_OF: Record<SurveyAspect, (survey: TrendSurvey) => number> = {
  [SurveyAspect.PRODUCT]: (s) => s.productScore,
  [SurveyAspect.DELIVERY]: (s) => s.deliveryScore,
  [SurveyAspect.SERVICE]: (s) => s.serviceScore,
  [SurveyAspect.PRICE]: (s) => s.priceScore,
};

/** Each aspect's scores in survey order, for the chart and for the same figures as text. */
export function trendSeries(surveys: readonly TrendSurvey[]) {
  return SURVEY_ASPECTS.map((aspect) => ({ aspect, scores: surveys.map(SCORE_OF[aspect]) }));
}

/**
 * The trend chart: one line per aspect over the survey dates (oldest left), the score axis fixed at 1–5
 * so two dossiers' charts read alike.
 */
export function surveyTrendOption(surveys: readonly TrendSurvey[], locale: Locale): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 32, right: 16, top: 40, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', boundaryGap: false, data: surveys.map((s) => s.surveyedOn) },
    yAxis: { type: 'value', min: 1, max: 5, interval: 1 },
    series: trendSeries(surveys).map(({ aspect, scores }) => ({
      type: 'line',
      name: surveyAspectLabels[aspect][locale],
      data: scores,
      symbolSize: 8,
    })),
  };
}
