import {
  AbcClass,
  AbcMovementWay,
  abcClassLabels,
  abcMovementWayLabels,
  CompositionDimension,
  compositionDimensionLabels,
  RiskCode,
  RiskLevel,
  riskCodeLabels,
  riskLevelLabels,
} from '@dossier/domain';
import { registerEnumType } from 'type-graphql';
import { describedBy } from './enum-values.js';

// The analytics enums are used by several modules (customers' filters, ABC, risk, composition): registered
// once here, imported for its side effect by each of them.
registerEnumType(AbcClass, {
  name: 'AbcClass',
  description: 'ABC class by revenue (Pareto) / ABC 分类',
  valuesConfig: describedBy(abcClassLabels),
});
registerEnumType(AbcMovementWay, {
  name: 'AbcMovementWay',
  description: 'Which way a customer moved between ABC classes / 客户类别变动方向',
  valuesConfig: describedBy(abcMovementWayLabels),
});
registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: 'Level of a risk signal / 风险等级',
  valuesConfig: describedBy(riskLevelLabels),
});
registerEnumType(RiskCode, {
  name: 'RiskCode',
  description: 'Kind of risk signal / 风险类型',
  valuesConfig: describedBy(riskCodeLabels),
});
registerEnumType(CompositionDimension, {
  name: 'CompositionDimension',
  description: 'What revenue is broken down by / 构成分析维度',
  valuesConfig: describedBy(compositionDimensionLabels),
});

export { AbcClass, AbcMovementWay, CompositionDimension, RiskCode, RiskLevel };
