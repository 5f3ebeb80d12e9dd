import { StaffRole } from '@dossier/domain';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { CreateStaffInput } from './inputs/staff-admin-inputs.js';
import { Staff } from './staff.entity.js';
import {
  createStaff,
  deactivateStaff,
  resetStaffPassword,
  setStaffManager,
  setStaffRole,
} from './staff-admin.service.js';

const ID_ARG = { description: 'The staff member / 员工' };
const VERSION_ARG = {
  description: 'The version you read; a stale one is refused with VERSION_CONFLICT / 读取时的版本号',
};

/** Staff administration: administrators only (FORBIDDEN for everyone else). */
@Resolver(() => Staff)
export class StaffAdminResolver {
  @Mutation(() => Staff, {
    description: 'Create a staff member with an initial password (admins) / 新建员工',
  })
  createStaff(
    @Arg('input', () => CreateStaffInput, { description: 'The new staff member / 新员工信息' })
    input: CreateStaffInput,
    @Ctx() ctx: Context,
  ) {
    return createStaff(ctx, input);
  }

  @Mutation(() => Staff, { description: "Change a staff member's role (admins) / 修改角色" })
  setStaffRole(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) expectedVersion: number,
    @Arg('role', () => StaffRole, { description: 'The new role / 新角色' }) role: StaffRole,
    @Ctx() ctx: Context,
  ) {
    return setStaffRole(ctx, id, expectedVersion, role);
  }

  @Mutation(() => Staff, {
    description:
      'Set or clear the line manager; a loop in the reporting line is refused (admins) / 设置直属上级',
  })
  setStaffManager(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) expectedVersion: number,
    @Arg('managerId', () => ID, { nullable: true, description: 'The new manager; null clears it / 新上级' })
    managerId: string | null,
    @Ctx() ctx: Context,
  ) {
    return setStaffManager(ctx, id, expectedVersion, managerId);
  }

  @Mutation(() => Staff, {
    description: 'Set a new password and end all of their sessions (admins) / 重置密码并注销其全部会话',
  })
  resetStaffPassword(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('password', { description: 'At least 12 characters, not the e-mail or name / 新密码' })
    password: string,
    @Ctx() ctx: Context,
  ) {
    return resetStaffPassword(ctx, id, password);
  }

  @Mutation(() => Staff, {
    description:
      'Mark a staff member as having left, once transferCustomers emptied their book; ends their sessions and revokes their API tokens; their history is kept (admins) / 停用员工',
  })
  deactivateStaff(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) expectedVersion: number,
    @Ctx() ctx: Context,
  ) {
    return deactivateStaff(ctx, id, expectedVersion);
  }
}
