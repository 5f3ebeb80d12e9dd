import { ProjectStage, stageChangeProblem } from '@dossier/domain';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertMayAssignOwner, requireDossierWriter } from '../../core/access/policy.js';
import { type Context, viewerOf } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { notNull, optionalAmount, optionalText, requiredText } from '../../core/validation.js';
import { Customer } from '../customer/customer.entity.js';
import { customerVisibleTo } from '../customer/customer.loaders.js';
import { visibleCustomer } from '../customer/customer.service.js';
import { Staff } from '../staff/staff.entity.js';
import { activeStaff } from '../staff/staff.service.js';
import type {
  AddProjectEventInput,
  CreateProjectInput,
  UpdateProjectEventInput,
  UpdateProjectInput,
} from './inputs/project-inputs.js';
import { Project } from './project.entity.js';
import { ProjectEvent } from './project-event.entity.js';

/** Event notes are free text, kept to what one log line reasonably holds. */
const NOTE_MAX = 2000;
/** An event log records what happened; a day of slack covers clock skew and time zones, not planning. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** A project the viewer may see (its customer is visible), loaded in `em`; otherwise NOT_FOUND. */
export async function visibleProject(ctx: Context, em: EntityManager, globalId: string, field: string) {
  const project = await em.findOne(Project, { id: idOf(globalId, 'Project', field) });
  if (!project || !(await customerVisibleTo(em, ctx.viewer, project.customer.id))) {
    throw notFound('Project', globalId, field);
  }
  return project;
}

/** An event with its project loaded (the history subscriber asks the project for the customer). */
async function visibleEvent(ctx: Context, em: EntityManager, globalId: string) {
  const id = idOf(globalId, 'ProjectEvent', 'id');
  const event = await em.findOne(ProjectEvent, { id }, { populate: ['project'] });
  if (!event || !(await customerVisibleTo(em, ctx.viewer, event.project.getEntity().customer.id))) {
    throw notFound('ProjectEvent', globalId, 'id');
  }
  return event;
}

/**
 * Sets the fields `input` names; `undefined` leaves a field as it is, `null` clears an optional one. A
 * project's owner reads its customer (scope.ts), so naming one follows the customer owner's rule.
 */
async function applyProjectFields(
  ctx: Context,
  em: EntityManager,
  project: Project,
  input: UpdateProjectInput,
) {
  if (input.name !== undefined) project.name = requiredText('input.name', input.name, 200);
  if (input.stage !== undefined) {
    const stage = notNull('input.stage', input.stage);
    if (stageChangeProblem(project.stage, stage)) {
      throw badInput('input.stage', `cannot change: the project is closed (${project.stage})`);
    }
    project.stage = stage;
  }
  if (input.amount !== undefined) project.amount = optionalAmount('input.amount', input.amount);
  if (input.expectedCloseDate !== undefined) project.expectedCloseDate = input.expectedCloseDate;
  if (input.ownerId !== undefined) {
    const owner = input.ownerId ? await activeStaff(em, input.ownerId, 'input.ownerId') : null;
    if (owner) await assertMayAssignOwner(em, viewerOf(ctx), owner.id);
    project.owner = owner;
  }
}

export function createProject(ctx: Context, input: CreateProjectInput): Promise<Project> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const name = requiredText('input.name', input.name, 200);
    const customer = await visibleCustomer(ctx, em, input.customerId, 'input.customerId');
    const project = new Project(em.getReference(Customer, customer.id, { wrapped: true }), name);
    await applyProjectFields(ctx, em, project, {
      ...input,
      name: undefined,
      stage: input.stage ?? ProjectStage.LEAD,
    });
    em.persist(project);
    return project;
  });
}

/** Changes a project, e.g. moves its stage towards WON; a stale `expectedVersion` is VERSION_CONFLICT. */
export function updateProject(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
  input: UpdateProjectInput,
): Promise<Project> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const project = await visibleProject(ctx, em, globalId, 'id');
    expectVersion(project, expectedVersion);
    await applyProjectFields(ctx, em, project, input);
    return project;
  });
}

function applyEventFields(event: ProjectEvent, input: UpdateProjectEventInput, now: Date): void {
  if (input.title !== undefined) event.title = requiredText('input.title', input.title, 200);
  if (input.occurredAt !== undefined) {
    const occurredAt = notNull('input.occurredAt', input.occurredAt);
    if (occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS) {
      throw badInput('input.occurredAt', 'must not be more than one day in the future');
    }
    event.occurredAt = occurredAt;
  }
  for (const note of ['description', 'outcome', 'nextStep'] as const) {
    if (input[note] !== undefined) event[note] = optionalText(`input.${note}`, input[note], NOTE_MAX);
  }
}

/** Adds a line to the project's event log, written by the viewer. */
export function addProjectEvent(ctx: Context, input: AddProjectEventInput): Promise<ProjectEvent> {
  const author = viewerOf(ctx);
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    // Loaded, not a bare reference: the history subscriber asks the event's project for its customer.
    const project = await visibleProject(ctx, em, input.projectId, 'input.projectId');
    const event = new ProjectEvent(
      ref(project),
      input.occurredAt,
      requiredText('input.title', input.title, 200),
      em.getReference(Staff, author.id, { wrapped: true }),
    );
    applyEventFields(event, { ...input, title: undefined }, ctx.clock.now());
    em.persist(event);
    return event;
  });
}

/** Corrects a line of the event log; the log keeps who wrote it, the history who changed it. */
export function updateProjectEvent(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
  input: UpdateProjectEventInput,
): Promise<ProjectEvent> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const event = await visibleEvent(ctx, em, globalId);
    expectVersion(event, expectedVersion);
    applyEventFields(event, input, ctx.clock.now());
    return event;
  });
}
