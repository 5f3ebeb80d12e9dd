import { DecisionRole, InfluenceLevel, RelationshipState, SortDirection } from '@dossier/domain';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';

/** Sort keys of the root key person list; a schema enum of our own, not one of the contract's. */
export enum KeyPersonOrderField {
  NAME = 'NAME',
  CUSTOMER_NAME = 'CUSTOMER_NAME',
  INFLUENCE = 'INFLUENCE',
}

registerEnumType(KeyPersonOrderField, {
  name: 'KeyPersonOrderField',
  description: 'Sort key of key persons / 关键人物排序字段',
  valuesConfig: {
    NAME: { description: 'Name, a placeholder by its title / 姓名（占位人物按职务）' },
    CUSTOMER_NAME: { description: "Customer's name / 所属客户名称" },
    INFLUENCE: {
      description:
        'Highest influence in any decision role; people without a role last / 最高影响力（无角色者在后）',
    },
  },
});

@InputType({ description: 'Which key persons to list; all conditions must hold / 关键人物筛选' })
export class KeyPersonFilter {
  @Field(() => [DecisionRole], {
    nullable: true,
    description:
      'Holds any of these decision roles, for any project or in general; with `influence`, in the same ' +
      'assignment / 担任其中任一决策角色（与影响力同时给出时须为同一角色）',
  })
  role?: DecisionRole[] | null;

  @Field(() => [InfluenceLevel], {
    nullable: true,
    description: 'Has a decision role with any of these influences / 在某一决策角色中具有其中任一影响力',
  })
  influence?: InfluenceLevel[] | null;

  @Field(() => [RelationshipState], {
    nullable: true,
    description:
      'Best state of our active staff’s relationships with the person is any of these: POSITIVE > NEUTRAL > ' +
      'NEGATIVE > NONE, as relationship coverage ranks them; NONE without any, and always NONE for a ' +
      'placeholder / 我方在职员工与其最佳关系状况为其中之一（无关系或占位人物为尚未建立关系）',
  })
  bestRelationshipState?: RelationshipState[] | null;

  @Field(() => ID, { nullable: true, description: 'At this customer / 所属客户' })
  customerId?: string | null;

  @Field(() => [String], { nullable: true, description: "Customer's region is any of these / 客户销售区域" })
  region?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name or title contains this, case-insensitive / 姓名或职务包含（不区分大小写）',
  })
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: still at the customer; false: has left; omitted: both / 是否在职（省略为全部）',
  })
  active?: boolean | null;
}

@InputType({ description: 'Sort order of key persons; ties are broken by id / 关键人物排序' })
export class KeyPersonOrder {
  @Field(() => KeyPersonOrderField, { description: 'Sort key / 排序字段' })
  field!: KeyPersonOrderField;

  @Field(() => SortDirection, { description: 'Direction / 方向' })
  direction!: SortDirection;
}
