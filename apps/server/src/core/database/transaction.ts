import type { ChangeVia } from '@dossier/domain';
import { type EntityClass, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { runAs } from '../audit/actor.js';
import { runOnClock } from '../clock/current-clock.js';
import type { Context } from '../context.js';
import { notFound, versionConflict } from '../errors.js';
import { toGlobalId } from '../graphql/global-id.js';
import { uniqueViolationError } from './unique-violations.js';

/**
 * A row changed or deleted by someone else since this request read it. Without an entity the error is
 * MikroORM refusing a lock on an unversioned entity: a bug, left to surface as one.
 */
async function concurrentChange(ctx: Context, error: OptimisticLockError): Promise<Error> {
  const entity = error.entity as
    | { id: string; constructor: EntityClass<{ id: string; version: number }> }
    | undefined;
  if (!entity) return error;
  const type = entity.constructor.name;
  const current = await ctx.em.fork().findOne(entity.constructor, { id: entity.id }, { fields: ['version'] });
  return current ? versionConflict(type, current.version) : notFound(type, toGlobalId(type, entity.id));
}

/**
 * Runs one mutation as one transaction on behalf of the viewer (recorded as the actor of every change, with
 * `via` when the change is someone else's proposal the viewer accepted), on
 * the request's clock (what the flush subscribers and the records' stamps read).
 * A concurrent write that got there first becomes VERSION_CONFLICT, a value someone else holds BAD_USER_INPUT
 * on the field that carried it; either way nothing of the mutation is kept.
 */
export async function writeTransaction<T>(
  ctx: Context,
  work: (em: EntityManager) => Promise<T>,
  via: ChangeVia | null = null,
): Promise<T> {
  try {
    const actorId = ctx.viewer?.id ?? null;
    return await runOnClock(ctx.clock, () => runAs(actorId, () => ctx.em.transactional(work), via));
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    if (error instanceof OptimisticLockError) throw await concurrentChange(ctx, error);
    if (error instanceof UniqueConstraintViolationException) throw uniqueViolationError(error, ctx.log);
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

/**
 * The same check where the contract could only add the version as an optional argument (a required one
 * would break existing clients): without it the change applies to whatever version is current.
 */
export function expectVersionIfGiven(
  entity: { version: number; constructor: { name: string } },
  expected: number | null | undefined,
): void {
  if (expected !== null && expected !== undefined) expectVersion(entity, expected);
}
