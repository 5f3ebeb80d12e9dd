import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { EXPECTED_VERSION_DESCRIPTION } from '../../core/graphql/version-arg.js';
import { readOr } from '../../core/loaders.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { keyPersonById } from '../key-person/key-person.loaders.js';
import { Project } from '../project/project.entity.js';
import { projectById } from '../project/project.loaders.js';
import { DecisionRoleAssignment } from './decision-role.entity.js';
import { rolesOfProject } from './decision-role.loaders.js';
import { assignDecisionRole, removeDecisionRole, updateDecisionRole } from './decision-role.service.js';
import { AssignDecisionRoleInput } from './inputs/assign-decision-role.input.js';
import { UpdateDecisionRoleInput } from './inputs/update-decision-role.input.js';

@Resolver(() => DecisionRoleAssignment)
export class DecisionRoleResolver {
  @FieldResolver(() => KeyPerson, { description: 'The key person / 关键人物' })
  keyPerson(@Root() assignment: DecisionRoleAssignment, @Ctx() ctx: Context) {
    return readOr(assignment.keyPerson, ctx.loaders.get(keyPersonById));
  }

  @FieldResolver(() => Project, {
    nullable: true,
    description: "The project; null: the customer's purchases in general / 项目（空表示一般情况）",
  })
  project(@Root() assignment: DecisionRoleAssignment, @Ctx() ctx: Context) {
    return assignment.project ? ctx.loaders.get(projectById).load(assignment.project.id) : null;
  }

  @Mutation(() => DecisionRoleAssignment, { description: 'Give a key person a decision role / 指定决策角色' })
  assignDecisionRole(
    @Arg('input', { description: 'The role / 角色' }) input: AssignDecisionRoleInput,
    @Ctx() ctx: Context,
  ) {
    return assignDecisionRole(ctx, input);
  }

  @Mutation(() => DecisionRoleAssignment, {
    description: "Change a decision role's influence or concerns in one write / 修改决策角色",
  })
  updateDecisionRole(
    @Arg('input', { description: 'The changes / 修改内容' }) input: UpdateDecisionRoleInput,
    @Ctx() ctx: Context,
  ) {
    return updateDecisionRole(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Remove a decision role; true when done / 删除决策角色' })
  removeDecisionRole(
    @Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
    expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    return removeDecisionRole(ctx, id, expectedVersion);
  }
}

/** Only this field of Project: the rest of Project lives in the project module. */
@Resolver(() => Project)
export class ProjectDecisionRolesResolver {
  @FieldResolver(() => [DecisionRoleAssignment], {
    description: 'Who plays which role in this purchase / 本项目的决策角色',
  })
  decisionRoles(@Root() project: Project, @Ctx() ctx: Context) {
    return ctx.loaders.get(rolesOfProject).load(project.id);
  }
}
