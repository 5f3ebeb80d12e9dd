import { DecisionRole, InfluenceLevel } from '@dossier/domain';
import { Field, ID, InputType } from 'type-graphql';

/** What a role is, wherever it is given: on its own, or with the placeholder that holds it. */
@InputType({ description: 'A role in a purchase decision / 决策角色' })
export class DecisionRoleInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "A project of the person's customer; omitted: purchases in general / 项目（省略表示一般情况）",
  })
  projectId?: string | null;

  @Field(() => DecisionRole, { description: 'Role; one of a kind per person per project / 角色' })
  role!: DecisionRole;

  @Field(() => InfluenceLevel, { description: 'Influence on the decision / 影响力' })
  influence!: InfluenceLevel;

  @Field(() => String, {
    nullable: true,
    description: 'What the person cares about, ≤2000 characters / 关心的要点',
  })
  concerns?: string | null;
}

@InputType({ description: "A key person's role in a purchase decision / 指定决策角色" })
export class AssignDecisionRoleInput extends DecisionRoleInput {
  @Field(() => ID, { description: 'The key person / 关键人物' })
  keyPersonId!: string;
}
