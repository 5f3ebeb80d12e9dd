import { ProjectStage, projectStageLabels } from '@dossier/domain';
import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { Node } from '../../core/graphql/node.interface.js';
import { DecimalScalar, LocalDateScalar } from '../../core/graphql/scalars.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';

registerEnumType(ProjectStage, {
  name: 'ProjectStage',
  description: 'Sales stage of a project / 项目阶段',
  valuesConfig: describedBy(projectStageLabels),
});

/** A sale in progress: a project or bid (项目销售记录档案). */
@ObjectType({ implements: Node, description: 'A sales project or bid / 销售项目' })
@Entity({ tableName: 'project' })
export class Project extends BaseEntity {
  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  @Field({ description: 'Name / 项目名称' })
  @Property({ length: 200 })
  name: string;

  @Field(() => ProjectStage, { description: 'Stage / 阶段' })
  @Enum({ items: () => ProjectStage })
  stage: ProjectStage = ProjectStage.LEAD;

  @Field(() => DecimalScalar, { nullable: true, description: 'Expected amount / 预计金额' })
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  amount: string | null = null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Expected close date / 预计成交日期' })
  @Property({ type: 'date', nullable: true })
  expectedCloseDate: string | null = null;

  @ManyToOne(() => Staff, { nullable: true, ref: true })
  owner: Ref<Staff> | null = null;

  dossierId(): string {
    return this.customer.id;
  }

  constructor(customer: Ref<Customer>, name: string) {
    super();
    this.customer = customer;
    this.name = name;
  }
}
