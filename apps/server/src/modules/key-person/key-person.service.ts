import { dateInYear, isMonthDay } from '@dossier/domain';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireDossierWriter, requirePersonalDataAccess } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { notNull, optionalEmail, optionalPhone, optionalText, requiredText } from '../../core/validation.js';
import { activeCompetitorOf } from '../competitor/competitor.service.js';
import { Customer } from '../customer/customer.entity.js';
import { visibleCustomer } from '../customer/customer.service.js';
import { persistDecisionRole } from '../decision-role/decision-role.service.js';
import type {
  AddKeyPersonInput,
  AddPlaceholderInput,
  KeyPersonProfileInput,
  UpdateKeyPersonInput,
} from './inputs/key-person-inputs.js';
import { KeyPerson } from './key-person.entity.js';
import { selectVisibleKeyPersons } from './key-person.loaders.js';
import { KeyPersonProfile } from './key-person-profile.embeddable.js';

const PROFILE_TEXTS = ['personality', 'interests', 'family', 'education', 'background', 'notes'] as const;
const PROFILE_TEXT_MAX = 2000;

/**
 * A key person the viewer may see, loaded into `em` for a write, or null. `lockCustomer` takes the customer
 * row's lock, which serialises changes to one customer's reporting lines so two concurrent reports-to
 * changes cannot each pass the cycle check and together make a cycle.
 */
export async function findVisibleKeyPerson(
  ctx: Context,
  em: EntityManager,
  id: string,
  { lockCustomer = false } = {},
): Promise<KeyPerson | null> {
  if (!ctx.viewer) return null;
  const [person] = await selectVisibleKeyPersons(em, ctx.viewer, (q) => {
    q.where('kp.id', id);
    if (lockCustomer) q.forUpdate('c');
  });
  return person ?? null;
}

/** The key person a global id names, or NOT_FOUND when it is unknown or not visible. */
export async function visibleKeyPerson(
  ctx: Context,
  em: EntityManager,
  globalId: string,
  field: string,
  options: { lockCustomer?: boolean } = {},
): Promise<KeyPerson> {
  const person = await findVisibleKeyPerson(ctx, em, idOf(globalId, 'KeyPerson', field), options);
  if (!person) throw notFound('KeyPerson', globalId, field);
  return person;
}

/** The new superior: same customer, and not the person or anyone below them (checked up the chain). */
async function superiorOf(ctx: Context, em: EntityManager, person: KeyPerson, globalId: string) {
  const superior = await visibleKeyPerson(ctx, em, globalId, 'input.reportsToId');
  if (superior.customer.id !== person.customer.id) {
    throw badInput('input.reportsToId', 'must work at the same customer');
  }
  const cycle = await em.execute<Array<{ id: string }>>(
    `with recursive up(id, reports_to_id) as (
       select id, reports_to_id from key_person where id = ?
       union select kp.id, kp.reports_to_id from key_person kp join up on kp.id = up.reports_to_id
     ) select id from up where id = ?`,
    [superior.id, person.id],
  );
  if (cycle.length > 0) throw badInput('input.reportsToId', 'would make a reporting cycle');
  return em.getReference(KeyPerson, superior.id, { wrapped: true });
}

/** A birth year up to the current year of the business calendar (a person born today counts). */
function birthYear(value: number | null, today: string): number | null {
  const thisYear = Number(today.slice(0, 4));
  if (value !== null && (value < 1900 || value > thisYear)) {
    throw badInput('input.profile.birthYear', `must be between 1900 and ${thisYear}`);
  }
  return value;
}

/** A month-day MM-DD; 29 February only when the known birth year is a leap year. */
function birthday(value: string | null, year: number | null): string | null {
  if (value === null) return null;
  if (!isMonthDay(value)) throw badInput('input.profile.birthday', 'must be a month-day written MM-DD');
  if (value === '02-29' && year !== null && dateInYear(value, year) !== `${year}-02-29`) {
    throw badInput('input.profile.birthday', `29 February does not exist in ${year}`);
  }
  return value;
}

function applyProfile(person: KeyPerson, input: KeyPersonProfileInput | null, today: string): void {
  const profile = input === null ? new KeyPersonProfile() : person.profile;
  for (const name of PROFILE_TEXTS) {
    const value = input?.[name];
    if (value !== undefined) profile[name] = optionalText(`input.profile.${name}`, value, PROFILE_TEXT_MAX);
  }
  if (input?.birthYear !== undefined) profile.birthYear = birthYear(input.birthYear, today);
  // A new year is checked against the birthday kept (29 February needs a leap year); null clears it.
  if (input?.birthday !== undefined || input?.birthYear !== undefined) {
    profile.birthday = birthday(
      input?.birthday === undefined ? profile.birthday : input.birthday,
      profile.birthYear,
    );
  }
  person.profile = profile;
}

/** Whether `input` sets any personal field (phones, e-mail, profile). */
const touchesPersonalData = (input: UpdateKeyPersonInput) =>
  [input.mobile, input.officePhone, input.email, input.profile].some((value) => value !== undefined);

async function applyFields(ctx: Context, em: EntityManager, person: KeyPerson, input: UpdateKeyPersonInput) {
  if (touchesPersonalData(input)) await requirePersonalDataAccess(ctx, person.customer.id);
  if (input.name !== undefined) person.name = requiredText('input.name', input.name, 100);
  if (input.title !== undefined) person.title = optionalText('input.title', input.title, 100);
  if (input.department !== undefined) {
    person.department = optionalText('input.department', input.department, 100);
  }
  if (input.mobile !== undefined) person.mobile = optionalPhone('input.mobile', input.mobile);
  if (input.officePhone !== undefined) {
    person.officePhone = optionalPhone('input.officePhone', input.officePhone);
  }
  if (input.email !== undefined) person.email = optionalEmail('input.email', input.email);
  if (input.active !== undefined) person.active = notNull('input.active', input.active);
  if (input.profile !== undefined) applyProfile(person, input.profile, ctx.clock.today());
  if (input.reportsToId !== undefined) {
    person.reportsTo = input.reportsToId ? await superiorOf(ctx, em, person, input.reportsToId) : null;
  }
  if (input.favoursCompetitorId !== undefined) {
    person.favoursCompetitor = input.favoursCompetitorId
      ? ref(await activeCompetitorOf(em, input.favoursCompetitorId, 'input.favoursCompetitorId'))
      : null;
  }
  if (person.name === null && person.title === null) {
    throw badInput('input.title', 'is required while the name is unknown (a placeholder)');
  }
}

/** A new key person of a visible customer with `fields` applied, persisted in the caller's transaction. */
async function persistKeyPerson(
  ctx: Context,
  em: EntityManager,
  customerId: string,
  name: string | null,
  fields: UpdateKeyPersonInput,
): Promise<KeyPerson> {
  const customer = await visibleCustomer(ctx, em, customerId, 'input.customerId');
  const person = new KeyPerson(em.getReference(Customer, customer.id, { wrapped: true }), name);
  await applyFields(ctx, em, person, fields);
  em.persist(person);
  return person;
}

export function addKeyPerson(ctx: Context, input: AddKeyPersonInput): Promise<KeyPerson> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, (em) =>
    persistKeyPerson(ctx, em, input.customerId, requiredText('input.name', input.name, 100), {
      ...input,
      name: undefined,
    }),
  );
}

/**
 * A placeholder: a key person without a name, known by its title, optionally with the role it holds, both
 * written in one transaction so the gap it makes appears with it.
 */
export function addPlaceholder(ctx: Context, input: AddPlaceholderInput): Promise<KeyPerson> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const { customerId, role, ...fields } = input;
    const person = await persistKeyPerson(ctx, em, customerId, null, {
      ...fields,
      title: requiredText('input.title', input.title, 100),
    });
    if (role) await persistDecisionRole(ctx, em, person, role, 'input.role');
    return person;
  });
}

export function updateKeyPerson(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
  input: UpdateKeyPersonInput,
): Promise<KeyPerson> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const person = await visibleKeyPerson(ctx, em, globalId, 'id', { lockCustomer: true });
    expectVersion(person, expectedVersion);
    await applyFields(ctx, em, person, input);
    return person;
  });
}
