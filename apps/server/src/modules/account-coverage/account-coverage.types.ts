import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AbcClass } from '../../core/graphql/analytics-enums.js';

export enum CoverageGroup {
  OWNER = 'OWNER',
  REGION = 'REGION',
  ABC_CLASS = 'ABC_CLASS',
}

registerEnumType(CoverageGroup, {
  name: 'CoverageGroup',
  description: 'What customers are counted by in the coverage summary / 覆盖汇总维度',
  valuesConfig: {
    OWNER: { description: 'Per responsible rep; customers without one under a null owner / 按负责销售' },
    REGION: { description: 'Per sales region; customers without one under a null region / 按销售区域' },
    ABC_CLASS: { description: 'Per ABC class of the default period (snapshot) / 按 ABC 分类' },
  },
});

/** What each coverage score means, shared by Customer.coverageScore and the summary's columns. */
export const COVERAGE_SCORE_DESCRIPTION =
  'Account coverage score 0–3: 0 no active key person on file; 1 key persons, but no decision maker among ' +
  'them; 2 a decision maker is known, but at least one decision maker has no POSITIVE relationship with our ' +
  "active staff; 3 every decision maker has one. A decision maker and a gap are those of DOMAIN.md's " +
  'coverage rule (DECISION_MAKER or ECONOMIC_BUYER role, or HIGH influence; a placeholder is a gap), so ' +
  'score 2 is exactly hasUncoveredDecisionMaker: the issue\'s "no decision maker with a POSITIVE ' +
  'relationship" is its worst case, and one covered decision maker beside an uncovered one is not enough ' +
  'for 3 / 客户覆盖度评分';

@ObjectType({ description: `Coverage scores of one group of customers. ${COVERAGE_SCORE_DESCRIPTION}` })
export class CoverageSummaryRow {
  /** The owner's id, when grouped by OWNER; the resolver reads the Staff through its loader. */
  ownerId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The region, when grouped by REGION; null for customers without one / 销售区域',
  })
  region!: string | null;

  @Field(() => AbcClass, { nullable: true, description: 'The class, when grouped by ABC_CLASS / ABC 分类' })
  abcClass!: AbcClass | null;

  @Field(() => Int, { description: 'Customers in the group / 客户数' })
  customers!: number;

  @Field(() => Int, { description: 'Customers scoring 0: no active key person / 无关键人物' })
  score0!: number;

  @Field(() => Int, { description: 'Customers scoring 1: no decision maker known / 未知决策者' })
  score1!: number;

  @Field(() => Int, {
    description: 'Customers scoring 2: a decision maker without a POSITIVE relationship / 决策者未覆盖',
  })
  score2!: number;

  @Field(() => Int, { description: 'Customers scoring 3: every decision maker covered / 决策者已覆盖' })
  score3!: number;

  @Field(() => Float, { description: 'Average score of the group / 平均覆盖度' })
  averageScore!: number;
}
