import { InfluenceLevel } from '@dossier/domain';
import { Field, ID, InputType, Int } from 'type-graphql';

/** The parts of a role that change in place; its person, project and kind make it what it is. */
@InputType({ description: 'Changes to a decision role / 修改决策角色' })
export class UpdateDecisionRoleInput {
  @Field(() => ID, { description: 'The role / 决策角色' })
  id!: string;

  @Field(() => Int, { description: 'The version you read / 读取时的版本号' })
  expectedVersion!: number;

  @Field(() => InfluenceLevel, {
    nullable: true,
    description: 'Influence; omitted keeps it / 影响力（省略不变）',
  })
  influence?: InfluenceLevel | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Concerns, ≤2000 characters; omitted keeps them, null clears / 关心的要点（省略不变，null 清空）',
  })
  concerns?: string | null;
}
