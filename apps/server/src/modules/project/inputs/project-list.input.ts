import { ProjectStage, SortDirection } from '@dossier/domain';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../../core/graphql/scalars.js';

/** Sort keys of the root project list; a schema enum of our own, not one of the contract's. */
export enum ProjectOrderField {
  EXPECTED_CLOSE_DATE = 'EXPECTED_CLOSE_DATE',
  AMOUNT = 'AMOUNT',
  NAME = 'NAME',
}

registerEnumType(ProjectOrderField, {
  name: 'ProjectOrderField',
  description: 'Sort key of projects / 项目排序字段',
  valuesConfig: {
    EXPECTED_CLOSE_DATE: {
      description: 'Expected close date; projects without one last / 预计成交日期（未填在后）',
    },
    AMOUNT: { description: 'Expected amount; projects without one last / 预计金额（未填在后）' },
    NAME: { description: 'Name / 项目名称' },
  },
});

@InputType({ description: 'Which projects to list; all conditions must hold / 销售项目筛选' })
export class ProjectFilter {
  @Field(() => [ProjectStage], { nullable: true, description: 'In any of these stages / 处于其中任一阶段' })
  stages?: ProjectStage[] | null;

  @Field(() => ID, {
    nullable: true,
    description: "The project's responsible staff member (Project.owner) / 项目负责人",
  })
  ownerId?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Expected to close on or after this business day / 预计成交日期不早于（含）',
  })
  expectedCloseFrom?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Expected to close on or before this business day / 预计成交日期不晚于（含）',
  })
  expectedCloseTo?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Expected amount at least this, exactly compared; not negative / 预计金额不低于（含）',
  })
  amountMin?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Expected amount at most this, exactly compared; not negative / 预计金额不高于（含）',
  })
  amountMax?: string | null;

  @Field(() => ID, { nullable: true, description: 'For this customer / 所属客户' })
  customerId?: string | null;
}

@InputType({ description: 'Sort order of projects; ties are broken by id / 销售项目排序' })
export class ProjectOrder {
  @Field(() => ProjectOrderField, { description: 'Sort key / 排序字段' })
  field!: ProjectOrderField;

  @Field(() => SortDirection, { description: 'Direction / 方向' })
  direction!: SortDirection;
}
