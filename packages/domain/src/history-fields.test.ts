import { describe, expect, it } from 'vitest';
import { CustomerTier } from './enums.js';
import { historyEnumLabel, historyFieldOf, historyFields } from './history-fields.js';
import { historySectionOf } from './history-sections.js';
import { customerTierLabels, relationshipStateLabels } from './labels.js';

describe('historyFieldOf', () => {
  it.each([
    ['Customer', 'tier', '客户档次', 'Tier', 'enum'],
    ['Customer', 'reviewedAt', '最近审阅', 'Last reviewed', 'timestamp'],
    ['Customer', 'ownerId', '负责销售', 'Owner', 'reference'],
    ['Customer', 'creditLimit', '信用额度', 'Credit limit', 'money'],
    ['KeyPerson', 'profile.interests', '兴趣爱好', 'Interests and hobbies', 'text'],
    ['KeyPerson', 'active', '是否仍在职', 'Still with the customer', 'boolean'],
    ['Relationship', 'state', '关系状况', 'Relationship state', 'enum'],
    ['Project', 'expectedCloseDate', '预计成交日期', 'Expected close date', 'date'],
    ['Project', 'ownerId', '项目负责人', 'Project owner', 'reference'],
  ])('%s.%s reads %s / %s, shown as %s', (type, name, zh, en, kind) => {
    const field = historyFieldOf(type, name);
    expect(field?.label).toEqual({ 'zh-CN': zh, en });
    expect(field?.value.kind).toBe(kind);
  });

  it.each([
    ['Customer', 'version'],
    ['Customer', 'toString'],
    ['Staff', 'name'],
    ['constructor', 'name'],
    ['__proto__', 'name'],
  ])('knows no %s.%s', (type, name) => {
    expect(historyFieldOf(type, name)).toBeUndefined();
  });

  it('names the type a reference points at', () => {
    expect(historyFieldOf('KeyPerson', 'reportsToId')?.value).toEqual({
      kind: 'reference',
      type: 'KeyPerson',
    });
    expect(historyFieldOf('Payment', 'orderId')?.value).toEqual({ kind: 'reference', type: 'Order' });
  });

  it('covers only record types a dossier section shows', () => {
    for (const type of Object.keys(historyFields)) expect(historySectionOf(type), type).toBeDefined();
  });

  it('gives every field a label in both languages', () => {
    for (const [type, fields] of Object.entries(historyFields))
      for (const [name, { label }] of Object.entries(fields)) {
        expect(label['zh-CN'], `${type}.${name}`).not.toBe('');
        expect(label.en, `${type}.${name}`).not.toBe('');
      }
  });
});

describe('historyEnumLabel', () => {
  it.each([
    [customerTierLabels, CustomerTier.IMPORTANT, 'zh-CN', '重要'],
    [customerTierLabels, CustomerTier.GENERAL, 'en', 'General'],
    [relationshipStateLabels, 'NONE', 'zh-CN', '尚未建立关系'],
    [customerTierLabels, 'VIP', 'en', undefined],
    [customerTierLabels, 'toString', 'en', undefined],
  ] as const)('%#: %s in %s reads %s', (labels, value, locale, expected) => {
    expect(historyEnumLabel(labels, value, locale)).toBe(expected);
  });
});
