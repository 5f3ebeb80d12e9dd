import { describe, expect, it } from 'vitest';
import {
  CharacteristicLevel,
  CooperationIntent,
  CUSTOMER_CHARACTERISTICS,
  characteristicOf,
  type EnumCharacteristic,
  IndustryStanding,
  Reputation,
} from './customer-characteristics.js';

const enumOf = (field: string) => characteristicOf(field) as EnumCharacteristic;

describe('CUSTOMER_CHARACTERISTICS', () => {
  it('lists the twelve characteristics of the regulation once each, in its order', () => {
    expect(CUSTOMER_CHARACTERISTICS.map((c) => `${c.field}:${c.kind}:${c.label['zh-CN']}`)).toEqual([
      'serviceArea:text:服务区域',
      'businessScope:text:经营范围',
      'salesCapacity:enum:销售能力',
      'growthPotential:enum:发展潜力',
      'businessPhilosophy:text:经营理念',
      'businessStyle:text:经营方针/风格',
      'industryStanding:enum:行业地位',
      'marketInfluence:enum:影响力',
      'distributionCapability:enum:分销能力',
      'capitalStrength:enum:资金实力',
      'reputation:enum:信誉',
      'cooperationIntent:enum:合作意向',
    ]);
  });

  it.each([
    ['salesCapacity', Object.values(CharacteristicLevel)],
    ['industryStanding', Object.values(IndustryStanding)],
    ['reputation', Object.values(Reputation)],
    ['cooperationIntent', Object.values(CooperationIntent)],
  ])('%s offers exactly the values %j, each with distinct labels in both languages', (field, values) => {
    const labels = enumOf(field).labels;
    expect(Object.keys(labels)).toEqual(values);
    for (const locale of ['zh-CN', 'en'] as const) {
      const texts = Object.values(labels).map((label) => label[locale]);
      expect(new Set(texts).size).toBe(values.length);
    }
  });

  it('knows no characteristic by another name', () => {
    expect(characteristicOf('influence')).toBeUndefined();
  });
});
