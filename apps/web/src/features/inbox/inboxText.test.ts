import { ReminderKind } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/createI18n';
import { businessToday, inboxText } from './inboxText';

// The params each of the inbox's own kinds carries (see the sources in apps/server/src/modules/inbox).
const PARAMS = {
  customer: '华东机电',
  days: 3,
  validUntil: '2027-04-03',
  document: '框架合同',
  dueOn: '2027-03-06',
  signalZh: '决策者与我方关系消极：钱总',
  signalEn: 'Decision maker on bad terms with us: 钱总',
  names: '钱总',
};

describe('inboxText', () => {
  it.each([
    [ReminderKind.REVIEW_DUE, 'zh-CN', '华东机电 的档案已 3 天未审阅，请进行全面修订核查'],
    [
      ReminderKind.CREDIT_REPORT_EXPIRING,
      'en',
      'The credit report of 华东机电 expires on 2027-04-03 (in 3 days)',
    ],
    [ReminderKind.CREDIT_REPORT_EXPIRED, 'zh-CN', '华东机电 的资信报告已于 2027-04-03 过期'],
    [ReminderKind.COMPLAINT_OPEN, 'en', 'A complaint of 华东机电 has been open for 3 days'],
    [ReminderKind.LOAN_DUE, 'zh-CN', '借阅的《框架合同》（华东机电）应于 2027-03-06 归还'],
    [ReminderKind.RISK_HIGH, 'en', 'High risk at 华东机电: Decision maker on bad terms with us: 钱总'],
    [ReminderKind.COVERAGE_GAP, 'zh-CN', 'A类客户 华东机电 的决策者尚未覆盖：钱总'],
    ['NOT_YET_KNOWN', 'en', 'You have a new reminder'],
  ] as const)('%s in %s', (kind, language, text) => {
    const i18n = createI18n(language);
    expect(inboxText(i18n.t, { kind: kind as ReminderKind, params: PARAMS })).toBe(text);
  });

  it('counts snoozes from the business day, not the browser’s', () => {
    // 16:30 UTC is already the next day in Beijing
    expect(businessToday('Asia/Shanghai', new Date('2027-03-03T16:30:00Z'))).toBe('2027-03-04');
    expect(businessToday('UTC', new Date('2027-03-03T16:30:00Z'))).toBe('2027-03-03');
  });
});
