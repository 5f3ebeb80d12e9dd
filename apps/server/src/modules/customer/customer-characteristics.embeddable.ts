import {
  CharacteristicLevel,
  CooperationIntent,
  characteristicLevelLabels,
  cooperationIntentLabels,
  IndustryStanding,
  industryStandingLabels,
  Reputation,
  reputationLabels,
} from '@dossier/domain';
import { Embeddable, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { describedBy } from '../../core/graphql/enum-values.js';

registerEnumType(CharacteristicLevel, {
  name: 'CharacteristicLevel',
  description: 'Level of a capacity, potential or strength / 能力等级',
  valuesConfig: describedBy(characteristicLevelLabels),
});
registerEnumType(IndustryStanding, {
  name: 'IndustryStanding',
  description: 'Standing in its industry / 行业地位',
  valuesConfig: describedBy(industryStandingLabels),
});
registerEnumType(Reputation, {
  name: 'Reputation',
  description: 'Business reputation / 信誉',
  valuesConfig: describedBy(reputationLabels),
});
registerEnumType(CooperationIntent, {
  name: 'CooperationIntent',
  description: 'Intent to cooperate with us / 合作意向',
  valuesConfig: describedBy(cooperationIntentLabels),
});

/**
 * Customer characteristics (客户特征), the fields of CUSTOMER_CHARACTERISTICS in @dossier/domain; a test holds
 * the two equal. Null is "not filled in". Columns carry no prefix: they are the customer's own.
 */
@ObjectType({ description: 'Customer characteristics / 客户特征' })
@Embeddable()
export class CustomerCharacteristics {
  @Field(() => String, { nullable: true, description: 'Service area / 服务区域' })
  @Property({ type: 'text', nullable: true })
  serviceArea: string | null = null;

  @Field(() => String, { nullable: true, description: 'Business scope / 经营范围' })
  @Property({ type: 'text', nullable: true })
  businessScope: string | null = null;

  @Field(() => CharacteristicLevel, { nullable: true, description: 'Sales capacity / 销售能力' })
  @Enum({ items: () => CharacteristicLevel, nullable: true })
  salesCapacity: CharacteristicLevel | null = null;

  @Field(() => CharacteristicLevel, { nullable: true, description: 'Growth potential / 发展潜力' })
  @Enum({ items: () => CharacteristicLevel, nullable: true })
  growthPotential: CharacteristicLevel | null = null;

  @Field(() => String, { nullable: true, description: 'Business philosophy / 经营理念' })
  @Property({ type: 'text', nullable: true })
  businessPhilosophy: string | null = null;

  @Field(() => String, { nullable: true, description: 'Business style / 经营方针/风格' })
  @Property({ type: 'text', nullable: true })
  businessStyle: string | null = null;

  @Field(() => IndustryStanding, { nullable: true, description: 'Industry standing / 行业地位' })
  @Enum({ items: () => IndustryStanding, nullable: true })
  industryStanding: IndustryStanding | null = null;

  @Field(() => CharacteristicLevel, { nullable: true, description: 'Influence in its market / 影响力' })
  @Enum({ items: () => CharacteristicLevel, nullable: true })
  marketInfluence: CharacteristicLevel | null = null;

  @Field(() => CharacteristicLevel, { nullable: true, description: 'Distribution capability / 分销能力' })
  @Enum({ items: () => CharacteristicLevel, nullable: true })
  distributionCapability: CharacteristicLevel | null = null;

  @Field(() => CharacteristicLevel, { nullable: true, description: 'Capital strength / 资金实力' })
  @Enum({ items: () => CharacteristicLevel, nullable: true })
  capitalStrength: CharacteristicLevel | null = null;

  @Field(() => Reputation, { nullable: true, description: 'Reputation / 信誉' })
  @Enum({ items: () => Reputation, nullable: true })
  reputation: Reputation | null = null;

  @Field(() => CooperationIntent, { nullable: true, description: 'Intent to cooperate with us / 合作意向' })
  @Enum({ items: () => CooperationIntent, nullable: true })
  cooperationIntent: CooperationIntent | null = null;
}
