import { SortDirection, StaffOrderField, StaffRole, staffOrderFieldLabels } from '@dossier/domain';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { describedBy } from '../../../core/graphql/enum-values.js';

@InputType({ description: 'Which staff members to list; all conditions must hold / 员工筛选' })
export class StaffFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name or e-mail, case-insensitive / 按姓名或邮箱搜索',
  })
  search?: string | null;

  @Field(() => [StaffRole], { nullable: true, description: 'Any of these roles / 角色' })
  roles?: StaffRole[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only current staff; false: only those who left; omitted: both / 是否在职',
  })
  active?: boolean | null;
}

registerEnumType(StaffOrderField, {
  name: 'StaffOrderField',
  description: 'Staff sort key / 员工排序字段',
  valuesConfig: describedBy(staffOrderFieldLabels),
});

@InputType({ description: 'Sort order of staff; ties are broken by id / 员工排序' })
export class StaffOrder {
  @Field(() => StaffOrderField, { description: 'Sort key / 排序字段' })
  field!: StaffOrderField;

  @Field(() => SortDirection, { description: 'Direction / 方向' })
  direction!: SortDirection;
}
