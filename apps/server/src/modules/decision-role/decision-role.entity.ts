import { DecisionRole, decisionRoleLabels, InfluenceLevel, influenceLevelLabels } from '@dossier/domain';
import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { Node } from '../../core/graphql/node.interface.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { Project } from '../project/project.entity.js';

registerEnumType(DecisionRole, {
  name: 'DecisionRole',
  description: 'Role in a purchase decision / 角色作用',
  valuesConfig: describedBy(decisionRoleLabels),
});
registerEnumType(InfluenceLevel, {
  name: 'InfluenceLevel',
  description: 'Influence on the decision / 影响力',
  valuesConfig: describedBy(influenceLevelLabels),
});

/** A key person's role in a purchase (购买决策中关键人物角色作用表), per project or in general. */
@ObjectType({ implements: Node, description: "A key person's role in a purchase decision / 决策角色" })
@Entity({ tableName: 'decision_role_assignment' })
export class DecisionRoleAssignment extends BaseEntity {
  @ManyToOne(() => KeyPerson, { ref: true })
  keyPerson: Ref<KeyPerson>;

  @ManyToOne(() => Project, { nullable: true, ref: true })
  project: Ref<Project> | null;

  @Field(() => DecisionRole, { description: 'Role / 角色' })
  @Enum({ items: () => DecisionRole })
  role: DecisionRole;

  @Field(() => InfluenceLevel, { description: 'Influence / 影响力' })
  @Enum({ items: () => InfluenceLevel })
  influence: InfluenceLevel;

  @Field(() => String, { nullable: true, description: 'What this person cares about / 关心的要点' })
  @Property({ type: 'text', nullable: true })
  concerns: string | null = null;

  /** The key person must be loaded. */
  dossierId(): string {
    return this.keyPerson.getEntity().customer.id;
  }

  constructor(
    keyPerson: Ref<KeyPerson>,
    project: Ref<Project> | null,
    role: DecisionRole,
    influence: InfluenceLevel,
  ) {
    super();
    this.keyPerson = keyPerson;
    this.project = project;
    this.role = role;
    this.influence = influence;
  }
}
