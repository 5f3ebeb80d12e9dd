import { StaffRole } from '@dossier/domain';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireRole } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { notNull, optionalText, optionalWebsite, requiredText } from '../../core/validation.js';
import { Competitor } from './competitor.entity.js';
import type { CreateCompetitorInput, UpdateCompetitorInput } from './inputs/competitor-inputs.js';

const NAME_MAX = 120;
const NOTES_MAX = 2000;

/** The company-wide list is kept by the sales managers and the administrators; everyone else reads it. */
const requireListKeeper = (ctx: Context) => requireRole(ctx, StaffRole.SALES_MANAGER, StaffRole.ADMIN);

/** A competitor of the list by global id, or NOT_FOUND naming `field`. */
export async function competitorOf(
  em: EntityManager,
  globalId: string,
  field: string,
  { lock = false } = {},
): Promise<Competitor> {
  const id = idOf(globalId, 'Competitor', field);
  const competitor = await em.findOne(Competitor, id, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!competitor) throw notFound('Competitor', globalId, field);
  return competitor;
}

/** A competitor a dossier may newly name: on the list and not retired. */
export async function activeCompetitorOf(em: EntityManager, globalId: string, field: string) {
  const competitor = await competitorOf(em, globalId, field);
  if (!competitor.active) throw badInput(field, 'names a competitor retired from the list');
  return competitor;
}

/**
 * "ACME" and "Acme" are one company: the unique index on lower(name) says so (a name taken meanwhile is
 * mapped to the same field by unique-violations.ts); this says it first, with the name the rep typed.
 */
async function assertNameFree(em: EntityManager, name: string, except: string | null) {
  const rows = await em.execute<Array<{ id: string }>>(
    'select id from competitor where lower(name) = lower(?) and id is distinct from ?',
    [name, except],
  );
  if (rows.length > 0) throw badInput('input.name', 'is already on the list of competitors');
}

export function createCompetitor(ctx: Context, input: CreateCompetitorInput): Promise<Competitor> {
  requireListKeeper(ctx);
  return writeTransaction(ctx, async (em) => {
    const competitor = new Competitor(requiredText('input.name', input.name, NAME_MAX));
    competitor.website = optionalWebsite('input.website', input.website);
    competitor.notes = optionalText('input.notes', input.notes, NOTES_MAX);
    await assertNameFree(em, competitor.name, null);
    em.persist(competitor);
    return competitor;
  });
}

export function updateCompetitor(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
  input: UpdateCompetitorInput,
): Promise<Competitor> {
  requireListKeeper(ctx);
  return writeTransaction(ctx, async (em) => {
    const competitor = await competitorOf(em, globalId, 'id', { lock: true });
    expectVersion(competitor, expectedVersion);
    if (input.name !== undefined) {
      competitor.name = requiredText('input.name', input.name, NAME_MAX);
      await assertNameFree(em, competitor.name, competitor.id);
    }
    if (input.website !== undefined) competitor.website = optionalWebsite('input.website', input.website);
    if (input.notes !== undefined) competitor.notes = optionalText('input.notes', input.notes, NOTES_MAX);
    if (input.active !== undefined) competitor.active = notNull('input.active', input.active);
    return competitor;
  });
}
