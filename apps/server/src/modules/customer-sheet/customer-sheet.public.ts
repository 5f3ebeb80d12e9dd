import { ChangeVia, CUSTOMER_SHEET_FIELDS, CustomerSheetLinkState, sheetLinkState } from '@dossier/domain';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context.js';
import { writeTransaction } from '../../core/database/transaction.js';
import { badInput, linkClosed, notFound } from '../../core/errors.js';
import { hashOf } from '../auth/session.store.js';
import { Customer } from '../customer/customer.entity.js';
import type { CustomerSheet, SheetFieldValueInput } from './customer-sheet.types.js';
import { CustomerSheetLink, type SheetValues } from './customer-sheet-link.entity.js';
import { countSheetRequest } from './sheet-limits.js';
import { sheetFieldNamed, sheetValue, sheetValuesOf } from './sheet-values.js';

/**
 * The public side of a customer sheet link: whoever holds the secret reads that customer's sheet fields and
 * submits them once. Nothing else of the dossier is reachable: no ids, no owner, no key persons.
 */

/** Longer than any secret we issue: a longer one is refused before it is hashed. */
const MAX_TOKEN_LENGTH = 100;

const CLOSED = {
  [CustomerSheetLinkState.EXPIRED]: 'LINK_EXPIRED',
  [CustomerSheetLinkState.SUBMITTED]: 'LINK_USED',
  [CustomerSheetLinkState.REVOKED]: 'LINK_REVOKED',
} as const;

/** The open link the secret names: NOT_FOUND for a forged one, LINK_* for one that no longer opens. */
async function openLink(ctx: Context, em: EntityManager, token: string, lock: boolean) {
  const link =
    token.length > 0 && token.length <= MAX_TOKEN_LENGTH
      ? await em.findOne(
          CustomerSheetLink,
          { tokenHash: hashOf(token) },
          lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
        )
      : null;
  if (!link) throw notFound('CustomerSheetLink', 'for this token', 'token');
  const state = sheetLinkState(link, ctx.clock.now());
  if (state !== CustomerSheetLinkState.OPEN) throw linkClosed(CLOSED[state]);
  return link;
}

export async function sheetByToken(ctx: Context, token: string): Promise<CustomerSheet> {
  await countSheetRequest(ctx.em, ctx.address);
  const link = await openLink(ctx, ctx.em, token, false);
  const values = sheetValuesOf(await ctx.em.findOneOrFail(Customer, link.customer.id));
  return {
    expiresAt: link.expiresAt,
    fields: CUSTOMER_SHEET_FIELDS.map((field) => ({
      field: field.field,
      kind: field.kind,
      required: field.required,
      maxLength: field.maxLength,
      options: Object.keys(field.options ?? {}),
      value: values[field.field] ?? null,
    })),
  };
}

/** The customer's values, checked field by field; a field not given keeps its value on file. */
function proposalOf(current: SheetValues, values: readonly SheetFieldValueInput[]): SheetValues {
  const proposal: SheetValues = { ...current };
  const given = new Set<string>();
  for (const [i, { field, value }] of values.entries()) {
    const sheetField = sheetFieldNamed(field, `values[${i}].field`);
    if (given.has(field)) throw badInput(`values[${i}].field`, `${field} is given twice`);
    given.add(field);
    proposal[field] = sheetValue(sheetField, value ?? null, `values[${i}].value`);
  }
  return proposal;
}

/**
 * The customer submits the sheet: it becomes a proposal for the rep to review, and the link is used up.
 * Recorded as the customer's (no staff actor), via the link; the customer itself is not changed here.
 */
export async function submitCustomerSheet(
  ctx: Context,
  token: string,
  values: readonly SheetFieldValueInput[],
): Promise<boolean> {
  await countSheetRequest(ctx.em, ctx.address);
  const asCustomer = { ...ctx, viewer: null };
  await writeTransaction(
    asCustomer,
    async (em) => {
      const link = await openLink(ctx, em, token, true);
      const customer = await em.findOneOrFail(Customer, link.customer.id);
      const basis = sheetValuesOf(customer);
      link.proposal = proposalOf(basis, values);
      link.basis = basis;
      link.submittedAt = ctx.clock.now();
    },
    ChangeVia.CUSTOMER_LINK,
  );
  return true;
}
