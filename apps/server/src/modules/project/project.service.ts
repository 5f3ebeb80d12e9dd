import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Context, viewerOf } from '../../core/context.js';
import { writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { optionalAmount, optionalText, requiredText } from '../../core/validation.js';
import { Customer } from '../customer/customer.entity.js';
import { selectVisibleCustomers } from '../customer/customer.loaders.js';
import { visibleCustomer } from '../customer/customer.service.js';
import { Staff } from '../staff/staff.entity.js';
import { activeStaff } from '../staff/staff.service.js';
import type { AddProjectEventInput, CreateProjectInput } from './inputs/project-inputs.js';
import { Project } from './project.entity.js';
import { ProjectEvent } from './project-event.entity.js';

/** Event notes are free text, kept to what one log line reasonably holds. */
const NOTE_MAX = 2000;
/** An event log records what happened; a day of slack covers clock skew and time zones, not planning. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** A project the viewer may see (its customer is visible), loaded in `em`; otherwise NOT_FOUND. */
export async function visibleProject(ctx: Context, em: EntityManager, globalId: string, field: string) {
  const project = await em.findOne(Project, { id: idOf(globalId, 'Project', field) });
  const viewer = ctx.viewer;
  const [customer] =
    project && viewer
      ? await selectVisibleCustomers(em, viewer, (q) => q.where('c.id', project.customer.id))
      : [];
  if (!project || !customer) throw notFound('Project', globalId, field);
  return project;
}

export function createProject(ctx: Context, input: CreateProjectInput): Promise<Project> {
  return writeTransaction(ctx, async (em) => {
    const name = requiredText('input.name', input.name, 200);
    const amount = optionalAmount('input.amount', input.amount);
    const customer = await visibleCustomer(ctx, em, input.customerId, 'input.customerId');
    const owner = input.ownerId ? await activeStaff(em, input.ownerId, 'input.ownerId') : null;
    const project = new Project(em.getReference(Customer, customer.id, { wrapped: true }), name);
    if (input.stage) project.stage = input.stage;
    project.amount = amount;
    project.expectedCloseDate = input.expectedCloseDate ?? null;
    project.owner = owner;
    em.persist(project);
    return project;
  });
}

/** Adds a line to the project's event log, written by the viewer. */
export function addProjectEvent(ctx: Context, input: AddProjectEventInput): Promise<ProjectEvent> {
  const author = viewerOf(ctx);
  return writeTransaction(ctx, async (em) => {
    const title = requiredText('input.title', input.title, 200);
    if (input.occurredAt.getTime() > ctx.clock.now().getTime() + FUTURE_SLACK_MS) {
      throw badInput('input.occurredAt', 'must not be more than one day in the future');
    }
    const notes = {
      description: optionalText('input.description', input.description, NOTE_MAX),
      outcome: optionalText('input.outcome', input.outcome, NOTE_MAX),
      nextStep: optionalText('input.nextStep', input.nextStep, NOTE_MAX),
    };
    // Loaded, not a bare reference: the history subscriber asks the event's project for its customer.
    const project = await visibleProject(ctx, em, input.projectId, 'input.projectId');
    const event = new ProjectEvent(
      ref(project),
      input.occurredAt,
      title,
      em.getReference(Staff, author.id, { wrapped: true }),
    );
    em.persist(Object.assign(event, notes));
    return event;
  });
}
