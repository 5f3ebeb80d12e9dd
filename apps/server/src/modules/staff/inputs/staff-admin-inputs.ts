import { StaffRole } from '@dossier/domain';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new staff member / 新员工' })
export class CreateStaffInput {
  @Field({ description: 'Full name, 1–100 characters / 姓名' })
  name!: string;

  @Field({ description: 'Login e-mail, unique (case-insensitive) / 登录邮箱' })
  email!: string;

  @Field(() => StaffRole, { description: 'Role / 角色' })
  role!: StaffRole;

  @Field(() => String, { nullable: true, description: 'Job title, ≤100 characters / 职务' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Department, ≤100 characters / 部门' })
  department?: string | null;

  @Field(() => ID, { nullable: true, description: 'Line manager, an active staff member / 直属上级' })
  managerId?: string | null;

  @Field({
    description:
      'Initial password: at least 12 characters, not the e-mail or name; never stored or recorded in clear / 初始密码',
  })
  password!: string;
}
