import { RiskCode } from './enums.js';
import type { Locale } from './labels.js';
import type { RiskSignal, RiskSignalParams } from './risk.js';

// What a risk signal says to a person, in the viewer's language, from the figures the signal carries.

/** A `Decimal` with thousands separators, as both zh-CN and en write money: "12500.00" → "12,500.00". */
export function groupedAmount(amount: string): string {
  const [, sign = '', integer = '', fraction = ''] = /^(-?)(\d+)(\.\d+)?$/.exec(amount) ?? [];
  return `${sign}${integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

type Messages = { [C in RiskCode]: (params: RiskSignalParams[C]) => string };

const zh: Messages = {
  [RiskCode.OVERDUE_RECEIVABLE]: ({ amount, days }) =>
    `逾期应收 ${groupedAmount(amount)} 元，最长逾期 ${days} 天`,
  [RiskCode.CREDIT_LIMIT_EXCEEDED]: ({ amount, limit }) =>
    `未付金额 ${groupedAmount(amount)} 元，超出信用额度 ${groupedAmount(limit)} 元`,
  [RiskCode.CREDIT_REPORT_EXPIRED]: ({ validUntil }) =>
    validUntil === null ? 'A类客户尚无资信报告' : `资信报告有效期至 ${validUntil}，已过期`,
  [RiskCode.REVENUE_DECLINE]: ({ revenue, previousRevenue, percent }) =>
    `销售额较上期下降 ${percent}%，从 ${groupedAmount(previousRevenue)} 元降至 ${groupedAmount(revenue)} 元`,
  [RiskCode.ABC_DOWNGRADE]: ({ from, to }) => `ABC类别由 ${from} 类降为 ${to} 类`,
  [RiskCode.NEGATIVE_DECISION_MAKER]: ({ names }) => `决策者与我方关系消极：${names.join('、')}`,
  [RiskCode.UNCOVERED_DECISION_MAKER]: ({ names }) =>
    `决策者尚未与我方在职人员建立积极关系：${names.join('、')}`,
  [RiskCode.STALE_DOSSIER]: ({ days, reviewedOn }) =>
    reviewedOn === null
      ? `档案建立 ${days} 天以来从未审阅`
      : `档案已 ${days} 天未审阅（上次审阅 ${reviewedOn}）`,
  [RiskCode.COMPLAINT_UNRESOLVED]: ({ count, days }) => `${count} 项客户投诉未结案，最早一项已 ${days} 天`,
};

/** "Decision maker …: Wang" or "2 decision makers …: Wang, Li". */
const people = (names: string[], what: string) =>
  names.length === 1
    ? `Decision maker ${what}: ${names[0]}`
    : `${names.length} decision makers ${what}: ${names.join(', ')}`;

const en: Messages = {
  [RiskCode.OVERDUE_RECEIVABLE]: ({ amount, days }) =>
    `Overdue receivables of ${groupedAmount(amount)}, oldest ${days} days past due`,
  [RiskCode.CREDIT_LIMIT_EXCEEDED]: ({ amount, limit }) =>
    `Open amount of ${groupedAmount(amount)} exceeds the credit limit of ${groupedAmount(limit)}`,
  [RiskCode.CREDIT_REPORT_EXPIRED]: ({ validUntil }) =>
    validUntil === null
      ? 'No credit report on file for a class A customer'
      : `Credit report expired: valid until ${validUntil}`,
  [RiskCode.REVENUE_DECLINE]: ({ revenue, previousRevenue, percent }) =>
    `Revenue fell ${percent}% against the previous period, from ${groupedAmount(previousRevenue)} to ${groupedAmount(revenue)}`,
  [RiskCode.ABC_DOWNGRADE]: ({ from, to }) => `ABC class fell from ${from} to ${to}`,
  [RiskCode.NEGATIVE_DECISION_MAKER]: ({ names }) => people(names, 'on negative terms with us'),
  [RiskCode.UNCOVERED_DECISION_MAKER]: ({ names }) =>
    people(names, 'without a positive relationship with our active staff'),
  [RiskCode.STALE_DOSSIER]: ({ days, reviewedOn }) =>
    reviewedOn === null
      ? `Dossier never reviewed in the ${days} days since it was opened`
      : `Dossier not reviewed for ${days} days (last review ${reviewedOn})`,
  [RiskCode.COMPLAINT_UNRESOLVED]: ({ count, days }) =>
    count === 1
      ? `A complaint open for ${days} days`
      : `${count} complaints open too long, the oldest for ${days} days`,
};

const MESSAGES: Readonly<Record<Locale, Messages>> = { 'zh-CN': zh, en };

/** The sentence a person reads for one signal. */
export function riskMessage(signal: RiskSignal, locale: Locale): string {
  const message = MESSAGES[locale][signal.code] as (params: RiskSignal['params']) => string;
  return message(signal.params);
}
