import { randomBytes } from 'node:crypto';
import { ChangeVia, CUSTOMER_SHEET_FIELDS, SHEET_LINK_MAX_DAYS } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireDossierWriter } from '../../core/access/policy.js';
import { runAs } from '../../core/audit/actor.js';
import type { Context } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound, versionConflict } from '../../core/errors.js';
import { idOf, toGlobalId } from '../../core/graphql/global-id.js';
import { hashOf } from '../auth/session.store.js';
import { Customer } from '../customer/customer.entity.js';
import { customerVisibleTo } from '../customer/customer.loaders.js';
import { visibleCustomer } from '../customer/customer.service.js';
import { Staff } from '../staff/staff.entity.js';
import { CustomerSheetLink, type SheetValues } from './customer-sheet-link.entity.js';
import { applySheetValues, sheetFieldNamed, sheetValue, sheetValuesOf } from './sheet-values.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * 32 random bytes (256 bits): nobody guesses one, so a plain SHA-256 of it is a safe key to store and look
 * up by (a slow password hash guards low-entropy secrets; this one has nothing to brute-force). The prefix
 * tells a sheet secret from a session or API token in logs and secret scanners.
 */
const newSheetSecret = () => `dcs_${randomBytes(32).toString('base64url')}`;

/** A new link for one customer, open for `expiresInDays` (default and at most SHEET_LINK_MAX_DAYS). */
export async function createCustomerSheetLink(
  ctx: Context,
  customerId: string,
  expiresInDays?: number | null,
) {
  const viewer = requireDossierWriter(ctx);
  const days = expiresInDays ?? SHEET_LINK_MAX_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > SHEET_LINK_MAX_DAYS) {
    throw badInput('expiresInDays', `must be a whole number of days from 1 to ${SHEET_LINK_MAX_DAYS}`);
  }
  const secret = newSheetSecret();
  const link = await writeTransaction(ctx, async (em) => {
    const customer = await visibleCustomer(ctx, em, customerId, 'customerId');
    const expiresAt = new Date(ctx.clock.now().getTime() + days * DAY_MS);
    const created = new CustomerSheetLink(
      em.getReference(Customer, customer.id, { wrapped: true }),
      em.getReference(Staff, viewer.id, { wrapped: true }),
      hashOf(secret),
      expiresAt,
    );
    em.persist(created);
    return created;
  });
  return { url: `${ctx.origin ?? ''}/sheet/${secret}`, link };
}

/** A link of a dossier the viewer may see, or NOT_FOUND as for a link that never existed. */
async function visibleLink(ctx: Context, em: EntityManager, globalId: string) {
  const viewer = requireDossierWriter(ctx);
  const link = await em.findOne(CustomerSheetLink, { id: idOf(globalId, 'CustomerSheetLink', 'id') });
  if (!link || !(await customerVisibleTo(em, viewer, link.customer.id))) {
    throw notFound('CustomerSheetLink', globalId, 'id');
  }
  return link;
}

/** Withdraws a link before the customer used it; revoking a revoked link changes nothing. */
export function revokeCustomerSheetLink(ctx: Context, globalId: string, expectedVersion: number) {
  return writeTransaction(ctx, async (em) => {
    const link = await visibleLink(ctx, em, globalId);
    expectVersion(link, expectedVersion);
    if (link.submittedAt) throw badInput('id', 'was submitted already: review the proposal instead');
    if (!link.revokedAt) link.revokedAt = ctx.clock.now();
    return link;
  });
}

/** The accepted fields of a proposal, in the sheet's order, each checked again as the customer record takes it. */
function acceptedValues(proposal: SheetValues, accept: readonly string[]): SheetValues {
  for (const field of accept) {
    sheetFieldNamed(field, 'accept');
    if (!(field in proposal)) throw badInput('accept', `${field} is not in the proposal`);
  }
  const wanted = new Set(accept);
  return Object.fromEntries(
    CUSTOMER_SHEET_FIELDS.filter(({ field }) => wanted.has(field)).map((sheetField) => [
      sheetField.field,
      sheetValue(sheetField, proposal[sheetField.field] ?? null, 'accept'),
    ]),
  );
}

/**
 * The rep's review of a submitted sheet: the `accept`ed fields are written to the customer (none: the
 * proposal is rejected). A field someone changed on the customer since the customer submitted is a
 * VERSION_CONFLICT: the customer proposed against a value that is no longer on file. The customer's change is
 * recorded as the customer's, via the link, with the reviewer as its actor.
 */
export function reviewCustomerSheet(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
  accept: readonly string[],
) {
  return writeTransaction(ctx, async (em) => {
    const link = await visibleLink(ctx, em, globalId);
    expectVersion(link, expectedVersion);
    if (!link.submittedAt || !link.proposal || !link.basis)
      throw badInput('id', 'has no submitted sheet yet');
    if (link.reviewedAt) throw badInput('id', 'was reviewed already');
    const values = acceptedValues(link.proposal, accept);
    const customer = await visibleCustomer(ctx, em, toGlobalId('Customer', link.customer.id), 'id');
    const current = sheetValuesOf(customer);
    const basis = link.basis;
    if (Object.keys(values).some((field) => current[field] !== (basis[field] ?? null))) {
      throw versionConflict('Customer', customer.version);
    }
    const reviewer = requireDossierWriter(ctx);
    link.reviewedAt = ctx.clock.now();
    link.reviewedBy = em.getReference(Staff, reviewer.id, { wrapped: true });
    link.acceptedFields = Object.keys(values).join(', ');
    await em.flush();
    // The customer's values, flushed on their own so the history tells them from the reviewer's own acts.
    await runAs(
      reviewer.id,
      async () => {
        applySheetValues(customer, values);
        await em.flush();
      },
      ChangeVia.CUSTOMER_LINK,
    );
    return link;
  });
}
