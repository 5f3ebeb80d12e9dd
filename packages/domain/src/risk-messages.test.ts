import { describe, expect, it } from 'vitest';
import { AbcClass, RiskCode, RiskLevel } from './enums.js';
import type { RiskSignal } from './risk.js';
import { groupedAmount, riskMessage } from './risk-messages.js';

const signal = (s: Omit<RiskSignal, 'level'>): RiskSignal =>
  ({ ...s, level: RiskLevel.MEDIUM }) as RiskSignal;

describe('riskMessage', () => {
  it.each([
    [
      signal({ code: RiskCode.OVERDUE_RECEIVABLE, params: { amount: '12500.00', days: 95 } }),
      '逾期应收 12,500.00 元，最长逾期 95 天',
      'Overdue receivables of 12,500.00, oldest 95 days past due',
    ],
    [
      signal({ code: RiskCode.CREDIT_LIMIT_EXCEEDED, params: { amount: '1234567.80', limit: '1000000.00' } }),
      '未付金额 1,234,567.80 元，超出信用额度 1,000,000.00 元',
      'Open amount of 1,234,567.80 exceeds the credit limit of 1,000,000.00',
    ],
    [
      signal({ code: RiskCode.CREDIT_REPORT_EXPIRED, params: { validUntil: '2026-01-31' } }),
      '资信报告有效期至 2026-01-31，已过期',
      'Credit report expired: valid until 2026-01-31',
    ],
    [
      signal({ code: RiskCode.CREDIT_REPORT_EXPIRED, params: { validUntil: null } }),
      'A类客户尚无资信报告',
      'No credit report on file for a class A customer',
    ],
    [
      signal({
        code: RiskCode.REVENUE_DECLINE,
        params: { revenue: '55000.00', previousRevenue: '100000.00', percent: 45 },
      }),
      '销售额较上期下降 45%，从 100,000.00 元降至 55,000.00 元',
      'Revenue fell 45% against the previous period, from 100,000.00 to 55,000.00',
    ],
    [
      signal({ code: RiskCode.ABC_DOWNGRADE, params: { from: AbcClass.A, to: AbcClass.C } }),
      'ABC类别由 A 类降为 C 类',
      'ABC class fell from A to C',
    ],
    [
      signal({ code: RiskCode.NEGATIVE_DECISION_MAKER, params: { names: ['王总'] } }),
      '决策者与我方关系消极：王总',
      'Decision maker on negative terms with us: 王总',
    ],
    [
      signal({ code: RiskCode.UNCOVERED_DECISION_MAKER, params: { names: ['Li', 'Zhao'] } }),
      '决策者尚未与我方在职人员建立积极关系：Li、Zhao',
      '2 decision makers without a positive relationship with our active staff: Li, Zhao',
    ],
    [
      signal({ code: RiskCode.STALE_DOSSIER, params: { days: 75, reviewedOn: '2026-09-08' } }),
      '档案已 75 天未审阅（上次审阅 2026-09-08）',
      'Dossier not reviewed for 75 days (last review 2026-09-08)',
    ],
    [
      signal({ code: RiskCode.STALE_DOSSIER, params: { days: 61, reviewedOn: null } }),
      '档案建立 61 天以来从未审阅',
      'Dossier never reviewed in the 61 days since it was opened',
    ],
    [
      signal({ code: RiskCode.COMPLAINT_UNRESOLVED, params: { count: 1, days: 8 } }),
      '1 项客户投诉未结案，最早一项已 8 天',
      'A complaint open for 8 days',
    ],
    [
      signal({ code: RiskCode.COMPLAINT_UNRESOLVED, params: { count: 3, days: 12 } }),
      '3 项客户投诉未结案，最早一项已 12 天',
      '3 complaints open too long, the oldest for 12 days',
    ],
  ])('%j', (riskSignal, zh, en) => {
    expect(riskMessage(riskSignal, 'zh-CN')).toBe(zh);
    expect(riskMessage(riskSignal, 'en')).toBe(en);
  });
});

describe('groupedAmount', () => {
  it.each([
    ['0.00', '0.00'],
    ['999.99', '999.99'],
    ['1000.00', '1,000.00'],
    ['-1234567.89', '-1,234,567.89'],
    ['100000', '100,000'],
  ])('%s → %s', (amount, grouped) => {
    expect(groupedAmount(amount)).toBe(grouped);
  });
});
