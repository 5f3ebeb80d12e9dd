import { AuditEvent } from '@dossier/domain';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../../core/graphql/scalars.js';

@InputType({ description: 'Which audit entries to list; all conditions must hold / 审计日志筛选' })
export class AuditFilter {
  @Field(() => [AuditEvent], { nullable: true, description: 'Any of these events / 事件' })
  events?: AuditEvent[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Entries where this staff member acted or was acted upon / 相关员工',
  })
  staffId?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after this instant / 起始时间' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant / 截止时间' })
  to?: Date | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'On or after this day of the business calendar (businessTimeZone) / 起始日期（含）',
  })
  fromDay?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'On or before this day of the business calendar (businessTimeZone) / 截止日期（含）',
  })
  toDay?: string | null;
}
