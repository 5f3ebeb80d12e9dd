import { LockMode, ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertMayRecordRelationshipOf, requireDossierWriter } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { viewerOf } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { badInput, badRequest, versionConflict } from '../../core/errors.js';
import { optionalText } from '../../core/validation.js';
import type { KeyPerson } from '../key-person/key-person.entity.js';
import { visibleKeyPerson } from '../key-person/key-person.service.js';
import type { Staff } from '../staff/staff.entity.js';
import { activeStaff } from '../staff/staff.service.js';
import type { SetRelationshipStateInput } from './inputs/set-relationship-state.input.js';
import { Relationship } from './relationship.entity.js';

/**
 * Another request created the same (key person, staff) link between our look-up and our insert. Thrown out of
 * the transaction so the current version can be read once it has rolled back.
 */
class CreatedMeanwhile extends Error {
  constructor(
    readonly keyPersonId: string,
    readonly staffId: string,
  ) {
    super('relationship created concurrently');
  }
}

async function create(
  em: EntityManager,
  keyPerson: KeyPerson,
  staff: Staff,
  input: SetRelationshipStateInput,
  now: Date,
) {
  const relationship = new Relationship(ref(keyPerson), ref(staff), input.state);
  relationship.note = optionalText('input.note', input.note, 2000);
  relationship.lastContactAt = now;
  em.persist(relationship);
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      throw new CreatedMeanwhile(keyPerson.id, staff.id);
    throw error;
  }
  return relationship;
}

/** Changes an existing link; recording a new state or note counts as contact, so it moves lastContactAt. */
function change(relationship: Relationship, input: SetRelationshipStateInput, now: Date): Relationship {
  if (input.expectedVersion === null || input.expectedVersion === undefined) {
    throw badInput('input.expectedVersion', 'is required to change an existing relationship');
  }
  expectVersion(relationship, input.expectedVersion);
  const note = input.note === undefined ? relationship.note : optionalText('input.note', input.note, 2000);
  if (relationship.state !== input.state || relationship.note !== note) {
    relationship.state = input.state;
    relationship.note = note;
    relationship.lastContactAt = now;
  }
  return relationship;
}

async function upsert(ctx: Context, em: EntityManager, input: SetRelationshipStateInput) {
  const keyPerson = await visibleKeyPerson(ctx, em, input.keyPersonId, 'input.keyPersonId');
  const staff = (await activeStaff(em, input.staffId, 'input.staffId')).getEntity();
  await assertMayRecordRelationshipOf(em, viewerOf(ctx), staff.id);
  // The row lock queues concurrent writers of one link: the later one then reads the version the earlier
  // one wrote and gets VERSION_CONFLICT instead of overwriting it.
  const existing = await em.findOne(
    Relationship,
    { keyPerson: keyPerson.id, staff: staff.id },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  const now = ctx.clock.now();
  return existing ? change(existing, input, now) : create(em, keyPerson, staff, input, now);
}

/**
 * Upserts the link between a key person and one of our active staff. Creating needs no version (one given
 * is ignored: there is nothing it could conflict with); changing needs the version last read.
 */
export async function setRelationshipState(
  ctx: Context,
  input: SetRelationshipStateInput,
  attempts = 2,
): Promise<Relationship> {
  try {
    requireDossierWriter(ctx);
    return await writeTransaction(ctx, (em) => upsert(ctx, em, input));
  } catch (error) {
    if (!(error instanceof CreatedMeanwhile)) throw error;
    const current = await ctx.em
      .fork()
      .findOne(Relationship, { keyPerson: error.keyPersonId, staff: error.staffId }, { fields: ['version'] });
    if (current) throw versionConflict('Relationship', current.version);
    // The link another writer created is gone again: nothing conflicts with creating it now.
    if (attempts > 1) return setRelationshipState(ctx, input, attempts - 1);
    throw badRequest('Someone else created and removed this relationship at the same moment: try again');
  }
}
