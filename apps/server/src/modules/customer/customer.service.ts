import type { EntityManager } from '@mikro-orm/postgresql';
import { assertMayAssignOwner, requireDossierWriter } from '../../core/access/policy.js';
import { readsAllCustomers } from '../../core/access/scope.js';
import { type Context, viewerOf } from '../../core/context.js';
import { expectVersion, expectVersionIfGiven, writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf, toGlobalId } from '../../core/graphql/global-id.js';
import {
  notNull,
  optionalAmount,
  optionalPhone,
  optionalText,
  optionalWebsite,
  requiredText,
} from '../../core/validation.js';
import { activeStaff } from '../staff/staff.service.js';
import { Customer } from './customer.entity.js';
import { selectVisibleCustomers } from './customer.loaders.js';
import { applyCharacteristics } from './customer-characteristics.js';
import { nextCustomerCode } from './customer-code.js';
import type { CreateCustomerInput, UpdateCustomerInput } from './inputs/customer-inputs.js';

export const CUSTOMER_CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,31}$/u;

/** A customer the viewer may see, or NOT_FOUND: an invisible customer does not exist for them. */
export async function visibleCustomer(ctx: Context, em: EntityManager, globalId: string, field: string) {
  const id = idOf(globalId, 'Customer', field);
  const viewer = ctx.viewer;
  const [customer] = viewer
    ? await selectVisibleCustomers(em, viewer, (q) => q.where('c.id', id).forUpdate())
    : [];
  if (!customer) throw notFound('Customer', globalId, field);
  return customer;
}

/** A head office must not be the customer itself or one of its own branches, at any depth. */
async function assertNoParentCycle(em: EntityManager, customerId: string, parentId: string): Promise<void> {
  const rows = await em.execute<Array<{ id: string }>>(
    `with recursive up(id, parent_id) as (
       select id, parent_id from customer where id = ?
       union select c.id, c.parent_id from customer c join up on c.id = up.parent_id
     ) select id from up where id = ?`,
    [parentId, customerId],
  );
  if (rows.length > 0) throw badInput('input.parentId', 'would make the customer its own head office');
}

async function applyFields(ctx: Context, em: EntityManager, customer: Customer, input: UpdateCustomerInput) {
  if (input.name !== undefined) customer.name = requiredText('input.name', input.name, 200);
  if (input.nature !== undefined) customer.nature = notNull('input.nature', input.nature);
  if (input.tier !== undefined) customer.tier = notNull('input.tier', input.tier);
  if (input.lifecycle !== undefined) customer.lifecycle = notNull('input.lifecycle', input.lifecycle);
  if (input.industry !== undefined) customer.industry = optionalText('input.industry', input.industry, 100);
  if (input.region !== undefined) customer.region = optionalText('input.region', input.region, 100);
  if (input.city !== undefined) customer.city = optionalText('input.city', input.city, 100);
  if (input.address !== undefined) customer.address = optionalText('input.address', input.address, 300);
  if (input.phone !== undefined) customer.phone = optionalPhone('input.phone', input.phone);
  if (input.website !== undefined) customer.website = optionalWebsite('input.website', input.website);
  if (input.legalRepresentative !== undefined) {
    customer.legalRepresentative = optionalText('input.legalRepresentative', input.legalRepresentative, 100);
  }
  if (input.foundedOn !== undefined) {
    if (input.foundedOn && input.foundedOn > ctx.clock.today()) {
      throw badInput('input.foundedOn', 'must not be in the future');
    }
    customer.foundedOn = input.foundedOn ?? null;
  }
  if (input.creditLimit !== undefined)
    customer.creditLimit = optionalAmount('input.creditLimit', input.creditLimit);
  if (input.characteristics !== undefined) applyCharacteristics(customer, input.characteristics);
  if (input.ownerId !== undefined) {
    const owner = input.ownerId ? await activeStaff(em, input.ownerId, 'input.ownerId') : null;
    if (owner) await assertMayAssignOwner(em, viewerOf(ctx), owner.id);
    customer.owner = owner;
  }
  if (input.parentId !== undefined) {
    const parent = input.parentId ? await visibleCustomer(ctx, em, input.parentId, 'input.parentId') : null;
    if (parent) await assertNoParentCycle(em, customer.id, parent.id);
    customer.parent = parent ? em.getReference(Customer, parent.id, { wrapped: true }) : null;
  }
}

export function createCustomer(ctx: Context, input: CreateCustomerInput): Promise<Customer> {
  const viewer = requireDossierWriter(ctx);
  // A rep's or manager's new customer is theirs unless they name an owner: else it would leave their
  // sight (their book) the moment they created it.
  const ownerId = input.ownerId ?? (readsAllCustomers(viewer) ? null : toGlobalId('Staff', viewer.id));
  return writeTransaction(ctx, async (em) => {
    const code = input.code?.trim() ? input.code.trim() : await nextCustomerCode(em);
    if (!CUSTOMER_CODE.test(code))
      throw badInput('input.code', 'must be 1–32 letters, digits, ".", "_" or "-"');
    const customer = new Customer(code, requiredText('input.name', input.name, 200), input.nature);
    await applyFields(ctx, em, customer, { ...input, ownerId, name: undefined, nature: undefined });
    em.persist(customer);
    return customer;
  });
}

export function updateCustomer(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
  input: UpdateCustomerInput,
) {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const customer = await visibleCustomer(ctx, em, globalId, 'id');
    expectVersion(customer, expectedVersion);
    await applyFields(ctx, em, customer, input);
    return customer;
  });
}

/** The two-monthly full review (全面审阅): resets the STALE_DOSSIER clock. */
export function markCustomerReviewed(ctx: Context, globalId: string, expectedVersion: number | null) {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const customer = await visibleCustomer(ctx, em, globalId, 'id');
    expectVersionIfGiven(customer, expectedVersion);
    customer.reviewedAt = ctx.clock.now();
    return customer;
  });
}
