import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context.js';
import { expectVersionIfGiven, writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { optionalText } from '../../core/validation.js';
import type { KeyPerson } from '../key-person/key-person.entity.js';
import { findVisibleKeyPerson, visibleKeyPerson } from '../key-person/key-person.service.js';
import { Project } from '../project/project.entity.js';
import { DecisionRoleAssignment } from './decision-role.entity.js';
import type { AssignDecisionRoleInput, DecisionRoleInput } from './inputs/assign-decision-role.input.js';

/** The project a role is for: it must be a sale to the key person's own customer. */
async function projectOf(em: EntityManager, person: KeyPerson, globalId: string, field: string) {
  const project = await em.findOne(Project, { id: idOf(globalId, 'Project', field) });
  if (!project) throw notFound('Project', globalId, field);
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
  em: EntityManager,
  person: KeyPerson,
  input: DecisionRoleInput,
  prefix: string,
): Promise<DecisionRoleAssignment> {
  const project = input.projectId
    ? await projectOf(em, person, input.projectId, `${prefix}.projectId`)
    : null;
  const assignment = new DecisionRoleAssignment(ref(person), project, input.role, input.influence);
  assignment.concerns = optionalText(`${prefix}.concerns`, input.concerns, 2000);
  em.persist(assignment);
  return assignment;
}

/**
 * Records a role. A person holds one role of a kind per project (or in general), so a second one is refused
 * by the decision_role_unique index as BAD_USER_INPUT on input.role rather than silently rewriting the first:
 * the input carries no version to guard such an overwrite, and remove + assign states the intent.
 */
export function assignDecisionRole(ctx: Context, input: AssignDecisionRoleInput) {
  return writeTransaction(ctx, async (em) => {
    const person = await visibleKeyPerson(ctx, em, input.keyPersonId, 'input.keyPersonId');
    return persistDecisionRole(em, person, input, 'input');
  });
}

/**
 * Removes a role; its key person is loaded first because the DELETE change is filed under its customer. The
 * row lock keeps the version checked the version deleted.
 */
export function removeDecisionRole(
  ctx: Context,
  globalId: string,
  expectedVersion: number | null,
): Promise<boolean> {
  return writeTransaction(ctx, async (em) => {
    const assignment = await em.findOne(
      DecisionRoleAssignment,
      { id: idOf(globalId, 'DecisionRoleAssignment', 'id') },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const person = assignment && (await findVisibleKeyPerson(ctx, em, assignment.keyPerson.id));
    if (!assignment || !person) throw notFound('DecisionRoleAssignment', globalId, 'id');
    expectVersionIfGiven(assignment, expectedVersion);
    em.remove(assignment);
    return true;
  });
}
