import { type ChildrenRead, childrenLoaderOf } from '../../core/children-read.js';
import type { Context } from '../../core/context.js';
import { byIdLoader } from '../../core/loaders.js';
import { newestFirstLoaders } from '../../core/pagination/newest-first.js';
import { customerById } from '../customer/customer.loaders.js';
import { Project } from './project.entity.js';
import { ProjectEvent } from './project-event.entity.js';

export const projectById = byIdLoader(Project);

/** A customer's projects, newest first (created_at desc, id desc), as the project_customer_id_index reads. */
export const projectsOfCustomer = newestFirstLoaders({
  entity: Project,
  table: 'project',
  parentColumn: 'customer_id',
  timeColumn: 'created_at',
  timeOf: (project) => project.createdAt,
});

/** A project's event log in the order it happened, as the log is read (项目销售重要事件记录表). */
export const EVENTS_OF_PROJECT: ChildrenRead<ProjectEvent> = {
  entity: ProjectEvent,
  parent: 'project',
  orderBy: { occurredAt: 'asc', id: 'asc' },
};

export const eventsOfProject = childrenLoaderOf(EVENTS_OF_PROJECT);

/**
 * The same log newest first, a page at a time, for screens that show the latest events (the
 * project_event_project_id_index read backwards). Event times come from JS Dates: milliseconds at most.
 */
export const eventLogOfProject = newestFirstLoaders({
  entity: ProjectEvent,
  table: 'project_event',
  parentColumn: 'project_id',
  timeColumn: 'occurred_at',
  timeOf: (event) => event.occurredAt,
});

/** A project the viewer may see, or null: one whose customer is invisible to them does not exist. */
export async function readableProject(ctx: Context, id: string): Promise<Project | null> {
  const project = await ctx.loaders.get(projectById).load(id);
  if (!project) return null;
  const customer = await ctx.loaders.get(customerById).load(project.customer.id);
  return customer ? project : null;
}

export const projectEventById = byIdLoader(ProjectEvent);
