import {
  CompletenessCode,
  CompletenessSection,
  completenessCodeLabels,
  completenessSectionLabels,
} from '@dossier/domain';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { describedBy } from '../../core/graphql/enum-values.js';

registerEnumType(CompletenessCode, {
  name: 'CompletenessCode',
  description: 'An item a dossier misses / 档案缺项',
  valuesConfig: describedBy(completenessCodeLabels),
});
registerEnumType(CompletenessSection, {
  name: 'CompletenessSection',
  description: 'Where in the dossier an item is filled in / 填写位置',
  valuesConfig: describedBy(completenessSectionLabels),
});

@ObjectType({ description: 'An item the dossier misses and where it is filled in / 档案缺项' })
export class MissingItem {
  @Field(() => CompletenessCode, { description: 'What is missing / 缺项' })
  code!: CompletenessCode;

  @Field(() => CompletenessSection, { description: 'Where it is filled in / 填写位置' })
  section!: CompletenessSection;
}

@ObjectType({ description: 'How complete the dossier is / 档案完整度' })
export class Completeness {
  @Field(() => Int, {
    description:
      'Score 0–100: basic sheet 24 (industry, region, address, phone, legal representative, owner: 4 each), ' +
      'characteristics 12 (1 each), a key person 10, all with titles 6, all with decision roles 8, decision ' +
      'makers known and related to active staff 10, a valid credit report 12, a competitor recorded 8, ' +
      'reviewed within the review interval 10 / 完整度分数',
  })
  score!: number;

  @Field(() => [MissingItem], { description: 'What is missing, in the order of the rules / 缺项清单' })
  missing!: MissingItem[];
}
