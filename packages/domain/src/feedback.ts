import type { LabelTable } from './labels.js';

// Customer feedback (客户意见反馈, DOMAIN.md): complaints and opinions with their handling, and satisfaction
// surveys (客户满意度调查). Schema enums of our own (not the contract's), values equal to their names.

export enum FeedbackKind {
  COMPLAINT = 'COMPLAINT',
  OPINION = 'OPINION',
}

export enum FeedbackChannel {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  VISIT = 'VISIT',
  WECHAT = 'WECHAT',
  OTHER = 'OTHER',
}

/** What the feedback is about; also the aspects a satisfaction survey scores (SurveyAspect). */
export enum FeedbackCategory {
  PRODUCT = 'PRODUCT',
  DELIVERY = 'DELIVERY',
  SERVICE = 'SERVICE',
  PRICE = 'PRICE',
  OTHER = 'OTHER',
}

export enum FeedbackSeverity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

export enum FeedbackStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum SurveyAspect {
  PRODUCT = 'PRODUCT',
  DELIVERY = 'DELIVERY',
  SERVICE = 'SERVICE',
  PRICE = 'PRICE',
}

/** The aspects in the order a survey form and its trend show them. */
export const SURVEY_ASPECTS: readonly SurveyAspect[] = [
  SurveyAspect.PRODUCT,
  SurveyAspect.DELIVERY,
  SurveyAspect.SERVICE,
  SurveyAspect.PRICE,
];

/** Scores run 1 (very dissatisfied) to 5 (very satisfied). */
export const SURVEY_SCORES = [1, 2, 3, 4, 5] as const;

export const isSurveyScore = (value: number): boolean => Number.isInteger(value) && value >= 1 && value <= 5;

/** The mean of some scores to two decimals (as a number), null without any. */
export function averageScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const sum = scores.reduce((a, b) => a + b, 0);
  return Math.round((sum * 100) / scores.length) / 100;
}

export const feedbackKindLabels: LabelTable<FeedbackKind> = {
  [FeedbackKind.COMPLAINT]: { 'zh-CN': '投诉', en: 'Complaint' },
  [FeedbackKind.OPINION]: { 'zh-CN': '意见', en: 'Opinion' },
};

export const feedbackChannelLabels: LabelTable<FeedbackChannel> = {
  [FeedbackChannel.PHONE]: { 'zh-CN': '电话', en: 'Phone' },
  [FeedbackChannel.EMAIL]: { 'zh-CN': '邮件', en: 'E-mail' },
  [FeedbackChannel.VISIT]: { 'zh-CN': '拜访', en: 'Visit' },
  [FeedbackChannel.WECHAT]: { 'zh-CN': '微信', en: 'WeChat' },
  [FeedbackChannel.OTHER]: { 'zh-CN': '其他渠道', en: 'Other' },
};

export const feedbackCategoryLabels: LabelTable<FeedbackCategory> = {
  [FeedbackCategory.PRODUCT]: { 'zh-CN': '产品质量', en: 'Product' },
  [FeedbackCategory.DELIVERY]: { 'zh-CN': '交货', en: 'Delivery' },
  [FeedbackCategory.SERVICE]: { 'zh-CN': '服务', en: 'Service' },
  [FeedbackCategory.PRICE]: { 'zh-CN': '价格', en: 'Price' },
  [FeedbackCategory.OTHER]: { 'zh-CN': '其他', en: 'Other' },
};

export const feedbackSeverityLabels: LabelTable<FeedbackSeverity> = {
  [FeedbackSeverity.LOW]: { 'zh-CN': '轻微', en: 'Low' },
  [FeedbackSeverity.MEDIUM]: { 'zh-CN': '一般', en: 'Medium' },
  [FeedbackSeverity.HIGH]: { 'zh-CN': '严重', en: 'High' },
};

export const feedbackStatusLabels: LabelTable<FeedbackStatus> = {
  [FeedbackStatus.OPEN]: { 'zh-CN': '处理中', en: 'Open' },
  [FeedbackStatus.CLOSED]: { 'zh-CN': '已结案', en: 'Closed' },
};

export const surveyAspectLabels: LabelTable<SurveyAspect> = {
  [SurveyAspect.PRODUCT]: { 'zh-CN': '产品', en: 'Product' },
  [SurveyAspect.DELIVERY]: { 'zh-CN': '交货', en: 'Delivery' },
  [SurveyAspect.SERVICE]: { 'zh-CN': '服务', en: 'Service' },
  [SurveyAspect.PRICE]: { 'zh-CN': '价格', en: 'Price' },
};

/** How the satisfaction dashboard groups the surveys of the visible customers. */
export enum SatisfactionGrouping {
  OWNER = 'OWNER',
  REGION = 'REGION',
}

export const satisfactionGroupingLabels: LabelTable<SatisfactionGrouping> = {
  [SatisfactionGrouping.OWNER]: { 'zh-CN': '按负责销售', en: 'By rep' },
  [SatisfactionGrouping.REGION]: { 'zh-CN': '按区域', en: 'By region' },
};
