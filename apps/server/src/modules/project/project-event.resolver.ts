import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { AddProjectEventInput, UpdateProjectEventInput } from './inputs/project-inputs.js';
import { Project } from './project.entity.js';
import { projectById } from './project.loaders.js';
import { addProjectEvent, updateProjectEvent } from './project.service.js';
import { ProjectEvent } from './project-event.entity.js';

@Resolver(() => ProjectEvent)
export class ProjectEventResolver {
  @FieldResolver(() => Project, { description: 'Project the event belongs to / 所属项目' })
  project(@Root() event: ProjectEvent, @Ctx() ctx: Context) {
    return ctx.loaders.get(projectById).load(event.project.id);
  }

  @FieldResolver(() => Staff, { description: 'Who recorded it / 记录人' })
  author(@Root() event: ProjectEvent, @Ctx() ctx: Context) {
    return ctx.loaders.get(staffById).load(event.author.id);
  }

  @Mutation(() => ProjectEvent, { description: 'Record an important project event / 记录项目重要事件' })
  addProjectEvent(
    @Arg('input', { description: 'The event / 事件' }) input: AddProjectEventInput,
    @Ctx() ctx: Context,
  ) {
    return addProjectEvent(ctx, input);
  }

  @Mutation(() => ProjectEvent, { description: 'Correct a project event / 修改项目重要事件' })
  updateProjectEvent(
    @Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'Version last read / 读取时的版本号' }) version: number,
    @Arg('input', { description: 'The changes / 修改内容' }) input: UpdateProjectEventInput,
    @Ctx() ctx: Context,
  ) {
    return updateProjectEvent(ctx, id, version, input);
  }
}
