import { type EntityClass, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { runAs } from '../audit/actor.js';
import { runOnClock } from '../clock/current-clock.js';
import type { Context } from '../context.js';
import { badInput, versionConflict } from '../errors.js';

/** Unique indexes whose violation is the caller's doing, with the input field it names. */
const UNIQUE_FIELDS: Record<string, { field: string; problem: string }> = {
  customer_code_unique: { field: 'input.code', problem: 'is already used by another customer' },
  staff_email_unique: { field: 'input.email', problem: 'is already used by another staff member' },
  decision_role_unique: { field: 'input.role', problem: 'is already held by this person in this project' },
};

async function conflictWithCurrentVersion(ctx: Context, error: OptimisticLockError): Promise<GraphQLError> {
  const entity = error.entity as
    | { id: string; constructor: EntityClass<{ id: string; version: number }> }
    | undefined;
  if (!entity) return versionConflict('Record', -1);
  const current = await ctx.em.fork().findOne(entity.constructor, { id: entity.id }, { fields: ['version'] });
  return versionConflict(entity.constructor.name, current?.version ?? -1);
}

/**
 * Runs one mutation as one transaction on behalf of the viewer (recorded as the actor of every change), on
 * the request's clock (what the flush subscribers and the records' stamps read).
 * A concurrent write that got there first becomes VERSION_CONFLICT; nothing of the mutation is kept.
 */
export async function writeTransaction<T>(ctx: Context, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await runOnClock(ctx.clock, () => runAs(ctx.viewer?.id ?? null, () => ctx.em.transactional(work)));
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    if (error instanceof OptimisticLockError) throw await conflictWithCurrentVersion(ctx, error);
    if (error instanceof UniqueConstraintViolationException) {
      const constraint = (error as unknown as { constraint?: string }).constraint ?? '';
      const known = UNIQUE_FIELDS[constraint];
      if (known) throw badInput(known.field, known.problem);
      throw versionConflict('Record', -1);
    }
    throw error;
  }
}

/** The optimistic-locking check a service makes before changing a record it loaded. */
export function expectVersion(
  entity: { version: number; constructor: { name: string } },
  expected: number,
): void {
  if (entity.version !== expected) throw versionConflict(entity.constructor.name, entity.version);
}
