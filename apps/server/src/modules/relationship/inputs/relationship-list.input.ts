import {
  RelationshipOrderField,
  RelationshipState,
  relationshipOrderFieldLabels,
  SortDirection,
} from '@dossier/domain';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { describedBy } from '../../../core/graphql/enum-values.js';

@InputType({ description: 'Conditions on relationships, all must hold / 关系筛选条件' })
export class RelationshipFilter {
  @Field(() => ID, { nullable: true, description: 'Only the links of this staff member of ours / 我方员工' })
  staffId?: string | null;

  @Field(() => [RelationshipState], { nullable: true, description: 'Any of these states / 关系状况' })
  states?: RelationshipState[] | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Last contact (lastContactAt: when the state or note was last recorded) strictly before this ' +
      'instant; never-contacted links are left out / 最近联系时间早于此时刻（不含从未联系的关系）',
  })
  lastContactBefore?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Last contact (lastContactAt) at or after this instant; never-contacted links are left out / ' +
      '最近联系时间不早于此时刻（不含从未联系的关系）',
  })
  lastContactAfter?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Created or changed (state, note, last contact, handover) at or after this instant, i.e. updatedAt ' +
      '/ 此时刻以来新建或修改过',
  })
  changedSince?: Date | null;

  @Field(() => ID, { nullable: true, description: "Only links to this customer's key persons / 客户" })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only links to this key person / 关键人物' })
  keyPersonId?: string | null;
}

registerEnumType(RelationshipOrderField, {
  name: 'RelationshipOrderField',
  description: 'Sort key of relationships / 关系排序字段',
  valuesConfig: describedBy(relationshipOrderFieldLabels),
});

@InputType({
  description:
    'Sort order of relationships; ties are broken by id. LAST_CONTACT puts never-contacted links last in ' +
    'either direction; KEY_PERSON_NAME sorts a placeholder by its title / 关系排序',
})
export class RelationshipOrder {
  @Field(() => RelationshipOrderField, { description: 'Sort key / 排序字段' })
  field!: RelationshipOrderField;

  @Field(() => SortDirection, { description: 'Direction / 方向' })
  direction!: SortDirection;
}
