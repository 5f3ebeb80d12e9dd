import { describe, expect, it } from 'vitest';
import {
  averageScore,
  FeedbackCategory,
  FeedbackChannel,
  FeedbackKind,
  FeedbackSeverity,
  FeedbackStatus,
  feedbackCategoryLabels,
  feedbackChannelLabels,
  feedbackKindLabels,
  feedbackSeverityLabels,
  feedbackStatusLabels,
  isSurveyScore,
  SatisfactionGrouping,
  SURVEY_ASPECTS,
  SurveyAspect,
  satisfactionGroupingLabels,
  surveyAspectLabels,
} from './feedback.js';
import type { BilingualLabel } from './labels.js';

const tables: Array<[string, Record<string, string>, Record<string, BilingualLabel>]> = [
  ['FeedbackKind', FeedbackKind, feedbackKindLabels],
  ['FeedbackChannel', FeedbackChannel, feedbackChannelLabels],
  ['FeedbackCategory', FeedbackCategory, feedbackCategoryLabels],
  ['FeedbackSeverity', FeedbackSeverity, feedbackSeverityLabels],
  ['FeedbackStatus', FeedbackStatus, feedbackStatusLabels],
  ['SurveyAspect', SurveyAspect, surveyAspectLabels],
  ['SatisfactionGrouping', SatisfactionGrouping, satisfactionGroupingLabels],
];

describe.each(tables)('%s labels', (_name, values, labels) => {
  it('label exactly the members, each distinct and non-blank in both languages', () => {
    expect(Object.keys(labels).sort()).toEqual(Object.values(values).sort());
    for (const locale of ['zh-CN', 'en'] as const) {
      const texts = Object.values(labels).map((label) => label[locale]);
      expect(texts.filter((text) => text.trim() === '')).toEqual([]);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });
});

it('uses the terms of the regulations in Chinese', () => {
  expect(feedbackKindLabels.COMPLAINT['zh-CN']).toBe('投诉');
  expect(feedbackStatusLabels.CLOSED['zh-CN']).toBe('已结案');
});

it('lists every survey aspect once, in the form order', () => {
  expect(SURVEY_ASPECTS).toEqual(['PRODUCT', 'DELIVERY', 'SERVICE', 'PRICE']);
});

it.each([
  [1, true],
  [5, true],
  [0, false],
  [6, false],
  [3.5, false],
])('isSurveyScore(%s) is %s', (value, ok) => {
  expect(isSurveyScore(value)).toBe(ok);
});

it.each<[number[], number | null]>([
  [[], null],
  [[5], 5],
  [[4, 5], 4.5],
  [[1, 2, 2], 1.67],
])('averageScore(%j) is %s', (scores, average) => {
  expect(averageScore(scores)).toBe(average);
});
