import { StaffRole, staffRoleLabels } from '@dossier/domain';
import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { Node } from '../../core/graphql/node.interface.js';

registerEnumType(StaffRole, {
  name: 'StaffRole',
  description: 'What a staff member does / 员工角色',
  valuesConfig: describedBy(staffRoleLabels),
});

/** A member of OUR company: reps, managers, analysts, the archivist, admins. */
@ObjectType({ implements: Node, description: 'A member of our staff / 本公司员工' })
@Entity({ tableName: 'staff' })
export class Staff extends BaseEntity {
  @Field({ description: 'Full name / 姓名' })
  @Property({ length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Job title / 职务' })
  @Property({ type: 'varchar', length: 100, nullable: true })
  title: string | null = null;

  @Field(() => String, { nullable: true, description: 'Department / 部门' })
  @Property({ type: 'varchar', length: 100, nullable: true })
  department: string | null = null;

  @Field({ description: 'Login e-mail, unique / 登录邮箱' })
  @Property({ length: 254 })
  email: string;

  @Field(() => StaffRole, { description: 'Role, which decides what the staff member may see and do / 角色' })
  @Enum({ items: () => StaffRole })
  role: StaffRole;

  @Field({ description: 'False once the staff member has left / 是否在职' })
  @Property()
  active: boolean = true;

  @ManyToOne(() => Staff, { nullable: true, ref: true })
  manager: Ref<Staff> | null = null;

  /** argon2id hash; never a GraphQL field. */
  @Property({ type: 'text', nullable: true, lazy: true, hidden: true })
  passwordHash: string | null = null;

  constructor(name: string, email: string, role: StaffRole) {
    super();
    this.name = name;
    this.email = email;
    this.role = role;
  }
}
