import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { Node } from '../../core/graphql/node.interface.js';
import { Staff } from '../staff/staff.entity.js';
import { Project } from './project.entity.js';

/** One line of a project's important-event log (项目销售重要事件记录表). */
@ObjectType({ implements: Node, description: 'An important event in a project / 项目重要事件' })
@Entity({ tableName: 'project_event' })
export class ProjectEvent extends BaseEntity {
  @ManyToOne(() => Project, { ref: true })
  project: Ref<Project>;

  @Field({ description: 'When it happened (UTC) / 发生时间' })
  @Property({ type: 'timestamptz' })
  occurredAt: Date;

  @Field({ description: 'Event / 事件' })
  @Property({ length: 200 })
  title: string;

  @Field(() => String, { nullable: true, description: 'Details / 详情' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => String, { nullable: true, description: 'Outcome / 结果' })
  @Property({ type: 'text', nullable: true })
  outcome: string | null = null;

  @Field(() => String, { nullable: true, description: 'Next step / 下一步' })
  @Property({ type: 'text', nullable: true })
  nextStep: string | null = null;

  @ManyToOne(() => Staff, { ref: true })
  author: Ref<Staff>;

  /** The project must be loaded. */
  dossierId(): string {
    return this.project.getEntity().customer.id;
  }

  constructor(project: Ref<Project>, occurredAt: Date, title: string, author: Ref<Staff>) {
    super();
    this.project = project;
    this.occurredAt = occurredAt;
    this.title = title;
    this.author = author;
  }
}
