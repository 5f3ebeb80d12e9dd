import { ProjectStage } from '@dossier/domain';
import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../../core/graphql/scalars.js';

@InputType({ description: 'A new sales project or bid / 新建销售项目' })
export class CreateProjectInput {
  @Field(() => ID, { description: 'Customer the project is for / 所属客户' })
  customerId!: string;

  @Field({ description: 'Name, ≤200 characters / 项目名称' })
  name!: string;

  @Field(() => ProjectStage, { nullable: true, description: 'Stage (default LEAD) / 阶段' })
  stage?: ProjectStage | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Expected amount, ≥ 0 / 预计金额' })
  amount?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Expected close date / 预计成交日期' })
  expectedCloseDate?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Responsible staff member, active; none when omitted / 项目负责人',
  })
  ownerId?: string | null;
}

@InputType({ description: 'A line for a project’s important-event log / 新增项目重要事件' })
export class AddProjectEventInput {
  @Field(() => ID, { description: 'Project / 项目' })
  projectId!: string;

  @Field({ description: 'When it happened (UTC), at most one day ahead of now / 发生时间' })
  occurredAt!: Date;

  @Field({ description: 'Event, ≤200 characters / 事件' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Details, ≤2000 characters / 详情' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Outcome, ≤2000 characters / 结果' })
  outcome?: string | null;

  @Field(() => String, { nullable: true, description: 'Next step, ≤2000 characters / 下一步' })
  nextStep?: string | null;
}

@InputType({ description: 'Changes to a project; omitted fields stay / 修改销售项目' })
export class UpdateProjectInput {
  @Field(() => String, { nullable: true, description: 'Name, ≤200 characters / 项目名称' })
  name?: string | null;

  @Field(() => ProjectStage, {
    nullable: true,
    description: 'Stage; a WON or LOST project stays closed / 阶段（赢单或丢单后不可再改）',
  })
  stage?: ProjectStage | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Expected amount, ≥ 0; null clears / 预计金额' })
  amount?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Expected close date; null clears / 预计成交日期',
  })
  expectedCloseDate?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Responsible staff member, active; null clears / 项目负责人',
  })
  ownerId?: string | null;
}

@InputType({ description: 'Changes to a project event; omitted fields stay / 修改项目重要事件' })
export class UpdateProjectEventInput {
  @Field(() => Date, {
    nullable: true,
    description: 'When it happened (UTC), at most one day ahead of now / 发生时间',
  })
  occurredAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Event, ≤200 characters / 事件' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Details, ≤2000 characters; null clears / 详情' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Outcome, ≤2000 characters; null clears / 结果' })
  outcome?: string | null;

  @Field(() => String, { nullable: true, description: 'Next step, ≤2000 characters; null clears / 下一步' })
  nextStep?: string | null;
}
