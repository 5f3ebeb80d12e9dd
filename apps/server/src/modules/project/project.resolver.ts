import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context, viewerOf } from '../../core/context.js';
import { parseGlobalId } from '../../core/graphql/global-id.js';
import { connectionType, toConnection } from '../../core/pagination/connection.js';
import { newestFirstConnection } from '../../core/pagination/newest-first.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { loadNow } from '../../core/primed.js';
import { Customer } from '../customer/customer.entity.js';
import { customerById } from '../customer/customer.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { CreateProjectInput, UpdateProjectInput } from './inputs/project-inputs.js';
import { ProjectFilter, ProjectOrder } from './inputs/project-list.input.js';
import { Project } from './project.entity.js';
import {
  eventLogOfProject,
  eventsOfProject,
  projectsOfCustomer,
  readableProject,
} from './project.loaders.js';
import { DEFAULT_PROJECT_ORDER, projectPage } from './project.query.js';
import { createProject, updateProject } from './project.service.js';
import { ProjectEvent } from './project-event.entity.js';

export const ProjectConnection = connectionType(Project, 'Project');
export const ProjectEventConnection = connectionType(ProjectEvent, 'ProjectEvent');

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, { nullable: true, description: 'One project by id / 按标识读取项目' })
  project(
    @Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Project | null> {
    const parsed = parseGlobalId(id);
    return parsed?.type === 'Project' ? readableProject(ctx, parsed.id) : Promise.resolve(null);
  }

  @Query(() => ProjectConnection, {
    description:
      'Sales projects across the customers you may see, filtered and sorted, a page at a time / 销售项目列表（跨客户）',
  })
  async projects(
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => ProjectFilter, {
      nullable: true,
      description: 'Conditions, all must hold / 筛选条件',
    })
    filter: ProjectFilter | null,
    @Arg('orderBy', () => ProjectOrder, {
      nullable: true,
      description: 'Sort order (default EXPECTED_CLOSE_DATE ASC) / 排序',
    })
    orderBy: ProjectOrder | null,
    @Ctx() ctx: Context,
  ) {
    const page = pageOf(pageArgs);
    const order = orderBy ?? DEFAULT_PROJECT_ORDER;
    const result = await projectPage(ctx.em, viewerOf(ctx), filter, order, page);
    return toConnection(ProjectConnection, result.rows, page, result.sortValue, result.count);
  }

  @FieldResolver(() => Customer, { description: 'Customer the project is for / 所属客户' })
  customer(@Root() project: Project, @Ctx() ctx: Context) {
    return ctx.loaders.get(customerById).load(project.customer.id);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Responsible staff member / 项目负责人' })
  owner(@Root() project: Project, @Ctx() ctx: Context) {
    return project.owner ? ctx.loaders.get(staffById).load(project.owner.id) : null;
  }

  @FieldResolver(() => [ProjectEvent], { description: 'Important-event log, oldest first / 重要事件记录' })
  events(@Root() project: Project, @Ctx() ctx: Context) {
    return loadNow(ctx.loaders.get(eventsOfProject), project.id);
  }

  @FieldResolver(() => ProjectEventConnection, {
    description: 'Important-event log, newest first, a page at a time / 重要事件记录（新在前，分页）',
  })
  eventLog(@Root() project: Project, @Args() args: PageArgs, @Ctx() ctx: Context) {
    return newestFirstConnection(ctx, eventLogOfProject, ProjectEventConnection, project.id, args);
  }

  @Mutation(() => Project, { description: 'Open a sales project or bid / 新建销售项目' })
  createProject(
    @Arg('input', { description: 'The new project / 新项目' }) input: CreateProjectInput,
    @Ctx() ctx: Context,
  ) {
    return createProject(ctx, input);
  }

  @Mutation(() => Project, {
    description: 'Change a project, e.g. move its stage / 修改销售项目（如推进阶段）',
  })
  updateProject(
    @Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'Version last read / 读取时的版本号' }) version: number,
    @Arg('input', { description: 'The changes / 修改内容' }) input: UpdateProjectInput,
    @Ctx() ctx: Context,
  ) {
    return updateProject(ctx, id, version, input);
  }
}

@Resolver(() => Customer)
export class CustomerProjectsResolver {
  @FieldResolver(() => ProjectConnection, {
    description: 'Projects, newest first (by creation), a page at a time / 销售项目（新建在前）',
  })
  projects(@Root() customer: Customer, @Args() args: PageArgs, @Ctx() ctx: Context) {
    return newestFirstConnection(ctx, projectsOfCustomer, ProjectConnection, customer.id, args);
  }
}
