import type { BilingualLabel, LabelTable } from './labels.js';

// Customer characteristics (客户特征) as the archive regulations list them. Levels where a manager compares
// customers on a scale (capacity, potential, strength…), free text where the regulation wants a description
// (service area, business scope, philosophy, style). The descriptor below is the ONE list of them: the
// server's input checks, the import's columns, the list filters and the web forms (also the form a
// customer fills in through a link) are all driven from it.

/** A three-step scale for capacities, potentials and strengths. */
export enum CharacteristicLevel {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

/** Where the customer stands in its industry (行业地位). */
export enum IndustryStanding {
  LEADER = 'LEADER',
  MAJOR = 'MAJOR',
  FOLLOWER = 'FOLLOWER',
  NICHE = 'NICHE',
}

/** Business reputation (信誉). */
export enum Reputation {
  GOOD = 'GOOD',
  FAIR = 'FAIR',
  POOR = 'POOR',
}

/** How much the customer wants to work with us (合作意向). */
export enum CooperationIntent {
  STRONG = 'STRONG',
  MODERATE = 'MODERATE',
  WEAK = 'WEAK',
  NONE = 'NONE',
}

export const characteristicLevelLabels: LabelTable<CharacteristicLevel> = {
  [CharacteristicLevel.HIGH]: { 'zh-CN': '强', en: 'High' },
  [CharacteristicLevel.MEDIUM]: { 'zh-CN': '一般', en: 'Medium' },
  [CharacteristicLevel.LOW]: { 'zh-CN': '弱', en: 'Low' },
};

export const industryStandingLabels: LabelTable<IndustryStanding> = {
  [IndustryStanding.LEADER]: { 'zh-CN': '龙头企业', en: 'Leader' },
  [IndustryStanding.MAJOR]: { 'zh-CN': '主要企业', en: 'Major player' },
  [IndustryStanding.FOLLOWER]: { 'zh-CN': '跟随者', en: 'Follower' },
  [IndustryStanding.NICHE]: { 'zh-CN': '细分市场', en: 'Niche player' },
};

export const reputationLabels: LabelTable<Reputation> = {
  [Reputation.GOOD]: { 'zh-CN': '良好', en: 'Good' },
  [Reputation.FAIR]: { 'zh-CN': '一般', en: 'Fair' },
  [Reputation.POOR]: { 'zh-CN': '较差', en: 'Poor' },
};

export const cooperationIntentLabels: LabelTable<CooperationIntent> = {
  [CooperationIntent.STRONG]: { 'zh-CN': '强烈', en: 'Strong' },
  [CooperationIntent.MODERATE]: { 'zh-CN': '一般', en: 'Moderate' },
  [CooperationIntent.WEAK]: { 'zh-CN': '较弱', en: 'Weak' },
  [CooperationIntent.NONE]: { 'zh-CN': '无意向', en: 'None' },
};

export interface TextCharacteristic {
  field: string;
  kind: 'text';
  label: BilingualLabel;
  maxLength: number;
}

export interface EnumCharacteristic {
  field: string;
  kind: 'enum';
  label: BilingualLabel;
  /** The GraphQL enum's name. */
  enumName: 'CharacteristicLevel' | 'IndustryStanding' | 'Reputation' | 'CooperationIntent';
  labels: LabelTable<string>;
}

export type CustomerCharacteristic = TextCharacteristic | EnumCharacteristic;

const text = <F extends string>(field: F, zh: string, en: string, maxLength: number) =>
  ({ field, kind: 'text', label: { 'zh-CN': zh, en }, maxLength }) satisfies TextCharacteristic;

const choice = <F extends string>(
  field: F,
  zh: string,
  en: string,
  enumName: EnumCharacteristic['enumName'],
  labels: LabelTable<string>,
) => ({ field, kind: 'enum', label: { 'zh-CN': zh, en }, enumName, labels }) satisfies EnumCharacteristic;

const level = <F extends string>(field: F, zh: string, en: string) =>
  choice(field, zh, en, 'CharacteristicLevel', characteristicLevelLabels);

/** Every characteristic, in the regulation's order. `field` is the API name (Customer.characteristics.X). */
export const CUSTOMER_CHARACTERISTICS = [
  text('serviceArea', '服务区域', 'Service area', 300),
  text('businessScope', '经营范围', 'Business scope', 1000),
  level('salesCapacity', '销售能力', 'Sales capacity'),
  level('growthPotential', '发展潜力', 'Growth potential'),
  text('businessPhilosophy', '经营理念', 'Business philosophy', 1000),
  text('businessStyle', '经营方针/风格', 'Business style', 1000),
  choice('industryStanding', '行业地位', 'Industry standing', 'IndustryStanding', industryStandingLabels),
  level('marketInfluence', '影响力', 'Influence'),
  level('distributionCapability', '分销能力', 'Distribution capability'),
  level('capitalStrength', '资金实力', 'Capital strength'),
  choice('reputation', '信誉', 'Reputation', 'Reputation', reputationLabels),
  choice(
    'cooperationIntent',
    '合作意向',
    'Intent to cooperate',
    'CooperationIntent',
    cooperationIntentLabels,
  ),
] as const;

export type CustomerCharacteristicField = (typeof CUSTOMER_CHARACTERISTICS)[number]['field'];

/** A customer's characteristics by field; null is not filled in. */
export type CustomerCharacteristicValues = Readonly<Record<CustomerCharacteristicField, string | null>>;

/** The characteristic of `field`, for the import and forms that hold a field name as text. */
export function characteristicOf(field: string): CustomerCharacteristic | undefined {
  return CUSTOMER_CHARACTERISTICS.find((characteristic) => characteristic.field === field);
}
