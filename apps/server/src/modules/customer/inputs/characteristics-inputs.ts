import { CharacteristicLevel, CooperationIntent, IndustryStanding, Reputation } from '@dossier/domain';
import { Field, InputType } from 'type-graphql';

// Field names are those of CUSTOMER_CHARACTERISTICS (@dossier/domain); customer-characteristics.test.ts holds
// both inputs equal to it, so a characteristic added there and forgotten here fails a test.

@InputType({
  description: 'Customer characteristics; omitted fields stay, null clears / 客户特征（省略不变，null 清空）',
})
export class CustomerCharacteristicsInput {
  @Field(() => String, { nullable: true, description: 'Service area, ≤300 characters / 服务区域' })
  serviceArea?: string | null;

  @Field(() => String, { nullable: true, description: 'Business scope, ≤1000 characters / 经营范围' })
  businessScope?: string | null;

  @Field(() => CharacteristicLevel, { nullable: true, description: 'Sales capacity / 销售能力' })
  salesCapacity?: CharacteristicLevel | null;

  @Field(() => CharacteristicLevel, { nullable: true, description: 'Growth potential / 发展潜力' })
  growthPotential?: CharacteristicLevel | null;

  @Field(() => String, { nullable: true, description: 'Business philosophy, ≤1000 characters / 经营理念' })
  businessPhilosophy?: string | null;

  @Field(() => String, { nullable: true, description: 'Business style, ≤1000 characters / 经营方针/风格' })
  businessStyle?: string | null;

  @Field(() => IndustryStanding, { nullable: true, description: 'Industry standing / 行业地位' })
  industryStanding?: IndustryStanding | null;

  @Field(() => CharacteristicLevel, { nullable: true, description: 'Influence in its market / 影响力' })
  marketInfluence?: CharacteristicLevel | null;

  @Field(() => CharacteristicLevel, { nullable: true, description: 'Distribution capability / 分销能力' })
  distributionCapability?: CharacteristicLevel | null;

  @Field(() => CharacteristicLevel, { nullable: true, description: 'Capital strength / 资金实力' })
  capitalStrength?: CharacteristicLevel | null;

  @Field(() => Reputation, { nullable: true, description: 'Reputation / 信誉' })
  reputation?: Reputation | null;

  @Field(() => CooperationIntent, { nullable: true, description: 'Intent to cooperate with us / 合作意向' })
  cooperationIntent?: CooperationIntent | null;
}

@InputType({
  description:
    'Conditions on characteristics, all must hold: a level field lists the values any of which matches; a text ' +
    'field matches when it contains the words, case-insensitive / 客户特征筛选',
})
export class CustomerCharacteristicsFilter {
  @Field(() => String, { nullable: true, description: 'Service area contains / 服务区域包含' })
  serviceArea?: string | null;

  @Field(() => String, { nullable: true, description: 'Business scope contains / 经营范围包含' })
  businessScope?: string | null;

  @Field(() => [CharacteristicLevel], { nullable: true, description: 'Sales capacity, any of / 销售能力' })
  salesCapacity?: CharacteristicLevel[] | null;

  @Field(() => [CharacteristicLevel], { nullable: true, description: 'Growth potential, any of / 发展潜力' })
  growthPotential?: CharacteristicLevel[] | null;

  @Field(() => String, { nullable: true, description: 'Business philosophy contains / 经营理念包含' })
  businessPhilosophy?: string | null;

  @Field(() => String, { nullable: true, description: 'Business style contains / 经营方针/风格包含' })
  businessStyle?: string | null;

  @Field(() => [IndustryStanding], { nullable: true, description: 'Industry standing, any of / 行业地位' })
  industryStanding?: IndustryStanding[] | null;

  @Field(() => [CharacteristicLevel], { nullable: true, description: 'Influence, any of / 影响力' })
  marketInfluence?: CharacteristicLevel[] | null;

  @Field(() => [CharacteristicLevel], {
    nullable: true,
    description: 'Distribution capability, any of / 分销能力',
  })
  distributionCapability?: CharacteristicLevel[] | null;

  @Field(() => [CharacteristicLevel], { nullable: true, description: 'Capital strength, any of / 资金实力' })
  capitalStrength?: CharacteristicLevel[] | null;

  @Field(() => [Reputation], { nullable: true, description: 'Reputation, any of / 信誉' })
  reputation?: Reputation[] | null;

  @Field(() => [CooperationIntent], { nullable: true, description: 'Intent to cooperate, any of / 合作意向' })
  cooperationIntent?: CooperationIntent[] | null;
}
