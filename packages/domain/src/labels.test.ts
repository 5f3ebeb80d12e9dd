import { describe, expect, it } from 'vitest';
import { Closeness } from './contact-suggestions.js';
import {
  type ContractEnumName,
  CustomerLifecycle,
  CustomerNature,
  CustomerTier,
  contractEnums,
  DecisionRole,
  RelationshipState,
  RiskCode,
} from './enums.js';
import { HistorySection } from './history-sections.js';
import {
  type BilingualLabel,
  closenessLabels,
  enumLabels,
  historySectionLabels,
  labelOf,
  relationshipOrderFieldLabels,
  staffOrderFieldLabels,
} from './labels.js';
import { RelationshipOrderField, StaffOrderField } from './order-fields.js';

describe.each(Object.keys(enumLabels) as ContractEnumName[])('%s labels', (name) => {
  const labels: Record<string, BilingualLabel> = enumLabels[name];

  it('label exactly the members of the enum', () => {
    expect(Object.keys(labels).sort()).toEqual(Object.values(contractEnums[name]).sort());
  });

  it.each(['zh-CN', 'en'] as const)('give every member a distinct non-blank %s label', (locale) => {
    const texts = Object.values(labels).map((label) => label[locale]);
    expect(texts.filter((text) => text.trim() === '')).toEqual([]);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

// The Chinese terms of DOMAIN.md, which users of the archive regulations know.
it.each<[ContractEnumName, string, string, string]>([
  ['RelationshipState', RelationshipState.POSITIVE, '积极的', 'Positive'],
  ['RelationshipState', RelationshipState.NEUTRAL, '中立的', 'Neutral'],
  ['RelationshipState', RelationshipState.NEGATIVE, '消极的', 'Negative'],
  ['RelationshipState', RelationshipState.NONE, '尚未建立关系', 'No relationship yet'],
  ['DecisionRole', DecisionRole.DECISION_MAKER, '决策者', 'Decision maker'],
  ['DecisionRole', DecisionRole.ECONOMIC_BUYER, '批准预算/财务', 'Economic buyer'],
  ['DecisionRole', DecisionRole.COACH, '内线/支持者', 'Coach'],
  ['CustomerNature', CustomerNature.GOVERNMENT, '政府机构', 'Government'],
  ['CustomerNature', CustomerNature.SPECIAL, '特殊公司', 'Special company'],
  ['CustomerLifecycle', CustomerLifecycle.DORMANT, '曾经交易', 'Dormant'],
  ['CustomerTier', CustomerTier.IMPORTANT, '重要', 'Important'],
  ['RiskCode', RiskCode.OVERDUE_RECEIVABLE, '欠款逾期', 'Overdue receivable'],
  ['RiskCode', RiskCode.CREDIT_REPORT_EXPIRED, '资信报告过期', 'Credit report expired'],
])('%s.%s is labelled %s / %s', (name, value, zh, en) => {
  const table: Record<string, BilingualLabel> = enumLabels[name];
  expect(labelOf(table, value, 'zh-CN')).toBe(zh);
  expect(labelOf(table, value, 'en')).toBe(en);
});

describe('Closeness labels', () => {
  it('label exactly the members of the enum', () => {
    expect(Object.keys(closenessLabels).sort()).toEqual(Object.values(Closeness).sort());
  });

  // The words the server's schema descriptions use (上级, 直接下属, 同部门同事).
  it.each([
    [Closeness.MANAGER, '上级', 'Manager'],
    [Closeness.DIRECT_REPORT, '直接下属', 'Direct report'],
    [Closeness.COLLEAGUE, '同部门同事', 'Department colleague'],
  ])('%s is labelled %s / %s', (value, zh, en) => {
    expect(labelOf(closenessLabels, value, 'zh-CN')).toBe(zh);
    expect(labelOf(closenessLabels, value, 'en')).toBe(en);
  });
});

// The schema's own enums beyond the contract: the server describes their values with these labels.
describe.each<[string, Record<string, BilingualLabel>, Record<string, string>]>([
  ['HistorySection', historySectionLabels, HistorySection],
  ['RelationshipOrderField', relationshipOrderFieldLabels, RelationshipOrderField],
  ['StaffOrderField', staffOrderFieldLabels, StaffOrderField],
])('%s labels', (_name, labels, values) => {
  it('label exactly the members of the enum', () => {
    expect(Object.keys(labels).sort()).toEqual(Object.values(values).sort());
  });

  it.each(['zh-CN', 'en'] as const)('give every member a distinct non-blank %s label', (locale) => {
    const texts = Object.values(labels).map((label) => label[locale]);
    expect(texts.filter((text) => text.trim() === '')).toEqual([]);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
