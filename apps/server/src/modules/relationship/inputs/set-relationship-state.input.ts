import { RelationshipState } from '@dossier/domain';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'How one of our staff relates to a key person now / 设置关系状况' })
export class SetRelationshipStateInput {
  @Field(() => ID, { description: 'The key person / 关键人物' })
  keyPersonId!: string;

  @Field(() => ID, { description: 'Our staff member, who must be active / 我方员工（须在职）' })
  staffId!: string;

  @Field(() => RelationshipState, { description: 'State / 关系状况' })
  state!: RelationshipState;

  @Field(() => String, {
    nullable: true,
    description: 'Note, ≤2000 characters; omitted keeps it, null clears / 备注（省略不变，null 清空）',
  })
  note?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Version last read; required when the relationship already exists, ignored when creating it / 读取时的版本号（已存在时必填）',
  })
  expectedVersion?: number | null;
}
