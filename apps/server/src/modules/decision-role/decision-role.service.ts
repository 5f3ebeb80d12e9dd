import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireDossierWriter } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { expectVersion, expectVersionIfGiven, writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { notNull, optionalText } from '../../core/validation.js';
import type { KeyPerson } from '../key-person/key-person.entity.js';
import { findVisibleKeyPerson, visibleKeyPerson } from '../key-person/key-person.service.js';
import { Project } from '../project/project.entity.js';
import { visibleProject } from '../project/project.service.js';
import { DecisionRoleAssignment } from './decision-role.entity.js';
import type { AssignDecisionRoleInput, DecisionRoleInput } from './inputs/assign-decision-role.input.js';
import type { UpdateDecisionRoleInput } from './inputs/update-decision-role.input.js';

/**
 * The project a role is for: one the viewer may see (else NOT_FOUND, as for a project that never existed),
 * and a sale to the key person's own customer.
 */
async function projectOf(
  ctx: Context,
  em: EntityManager,
  person: KeyPerson,
  globalId: string,
  field: string,
) {
  const project = await visibleProject(ctx, em, globalId, field);
  if (project.customer.id !== person.customer.id) {
    throw badInput(field, "must be a project of the key person's customer");
  }
  return em.getReference(Project, project.id, { wrapped: true });
}

/**
 * Adds a role to `person` inside the caller's transaction; `prefix` is where the role sits in the input
 * (`input`, or `input.role` beside a new placeholder), so errors name the field the caller sent.
 */
export async function persistDecisionRole(
  ctx: Context,
  em: EntityManager,
  person: KeyPerson,
  input: DecisionRoleInput,
  prefix: string,
): Promise<DecisionRoleAssignment> {
  const project = input.projectId
    ? await projectOf(ctx, em, person, input.projectId, `${prefix}.projectId`)
    : null;
  const assignment = new DecisionRoleAssignment(ref(person), project, input.role, input.influence);
  assignment.concerns = optionalText(`${prefix}.concerns`, input.concerns, 2000);
  em.persist(assignment);
  return assignment;
}

/**
 * Records a role. A person holds one role of a kind per project (or in general), so a second one is refused
 * by the decision_role_unique index as BAD_USER_INPUT on input.role rather than silently rewriting the first:
 * the input carries no version to guard such an overwrite; updateDecisionRole changes the one held.
 */
export function assignDecisionRole(ctx: Context, input: AssignDecisionRoleInput) {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const person = await visibleKeyPerson(ctx, em, input.keyPersonId, 'input.keyPersonId');
    return persistDecisionRole(ctx, em, person, input, 'input');
  });
}

/**
 * A role of a key person the viewer may see, row-locked so the version checked is the version written. Its
 * key person is loaded because the change is filed under that person's customer.
 */
async function lockedVisibleRole(ctx: Context, em: EntityManager, globalId: string, field: string) {
  const assignment = await em.findOne(
    DecisionRoleAssignment,
    { id: idOf(globalId, 'DecisionRoleAssignment', field) },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  const person = assignment && (await findVisibleKeyPerson(ctx, em, assignment.keyPerson.id));
  if (!assignment || !person) throw notFound('DecisionRoleAssignment', globalId, field);
  return assignment;
}

/** Removes a role, at the version read when one is given. */
export function removeDecisionRole(
  ctx: Context,
  globalId: string,
  expectedVersion: number | null,
): Promise<boolean> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const assignment = await lockedVisibleRole(ctx, em, globalId, 'id');
    expectVersionIfGiven(assignment, expectedVersion);
    em.remove(assignment);
    return true;
  });
}

/**
 * Changes a role's influence and concerns in one write, so a role being re-weighed is never missing (as it
 * was between a remove and an assign). Its person, project and kind stay: another of them is another role.
 */
export function updateDecisionRole(
  ctx: Context,
  input: UpdateDecisionRoleInput,
): Promise<DecisionRoleAssignment> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const assignment = await lockedVisibleRole(ctx, em, input.id, 'input.id');
    expectVersion(assignment, input.expectedVersion);
    if (input.influence !== undefined) assignment.influence = notNull('input.influence', input.influence);
    if (input.concerns !== undefined) {
      assignment.concerns = optionalText('input.concerns', input.concerns, 2000);
    }
    return assignment;
  });
}
