import { HISTORY_ENTITY_TYPES } from '@dossier/domain';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../../core/graphql/scalars.js';

@InputType({ description: 'Conditions on recorded changes, all must hold / 变更记录筛选条件' })
export class ChangeFilter {
  @Field(() => ID, { nullable: true, description: 'Only changes made by this staff member / 操作人' })
  actorId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      `Only changes of these record types, as Change.entityType names them: ${HISTORY_ENTITY_TYPES.join(', ')} ` +
      '/ 仅这些记录类型的变更',
  })
  entityTypes?: string[] | null;

  @Field(() => ID, { nullable: true, description: "Only changes to this customer's dossier / 客户" })
  customerId?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'First day, inclusive, in the business time zone (DOSSIER_TIME_ZONE) / 起始日（含，业务时区）',
  })
  from?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'Last day, inclusive, in the business time zone (DOSSIER_TIME_ZONE) / 截止日（含，业务时区）',
  })
  to?: string | null;
}
