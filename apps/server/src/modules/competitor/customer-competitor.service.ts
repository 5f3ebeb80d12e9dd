import { formatDecimal, parseShare } from '@dossier/domain';
import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireDossierWriter } from '../../core/access/policy.js';
import { type Context, viewerOf } from '../../core/context.js';
import { expectVersion, expectVersionIfGiven, writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { optionalText } from '../../core/validation.js';
import { selectVisibleCustomers } from '../customer/customer.loaders.js';
import { visibleCustomer } from '../customer/customer.service.js';
import { activeCompetitorOf } from './competitor.service.js';
import { CustomerCompetitor } from './customer-competitor.entity.js';
import type {
  CompetitorPresenceFields,
  RecordCustomerCompetitorInput,
  UpdateCustomerCompetitorInput,
} from './inputs/competitor-inputs.js';

const TEXT_MAX = 2000;
const NOTES_MAX = 5000;

function sharePercent(value: string | null): string | null {
  if (value === null) return null;
  const parsed = parseShare(value);
  if (!parsed.ok) throw badInput('input.sharePercent', 'must be a percentage from 0 to 100');
  // At the column's scale, as it reads back and as the history records it: "35.5" is "35.50".
  return formatDecimal(parsed.hundredths, 2);
}

function applyFields(presence: CustomerCompetitor, input: CompetitorPresenceFields, today: string): void {
  if (input.supplies !== undefined)
    presence.supplies = optionalText('input.supplies', input.supplies, TEXT_MAX);
  if (input.sharePercent !== undefined) presence.sharePercent = sharePercent(input.sharePercent);
  if (input.since !== undefined) {
    if (input.since !== null && input.since > today)
      throw badInput('input.since', 'must not be in the future');
    presence.since = input.since;
  }
  if (input.strengths !== undefined) {
    presence.strengths = optionalText('input.strengths', input.strengths, TEXT_MAX);
  }
  if (input.weaknesses !== undefined) {
    presence.weaknesses = optionalText('input.weaknesses', input.weaknesses, TEXT_MAX);
  }
  if (input.notes !== undefined) presence.notes = optionalText('input.notes', input.notes, NOTES_MAX);
}

/**
 * The estimated shares at one customer add up to 100 % at most. The caller holds the customer's row lock,
 * so two writers of one customer's competitors are checked one after the other, never both against the
 * sum before either wrote.
 */
async function assertSharesFit(em: EntityManager, presence: CustomerCompetitor): Promise<void> {
  if (presence.sharePercent === null) return;
  const [row] = await em.execute<Array<{ total: string; fits: boolean }>>(
    `select coalesce(sum(share_percent), 0)::text as total, coalesce(sum(share_percent), 0) + ?::numeric <= 100 as fits
     from customer_competitor where customer_id = ? and id <> ?`,
    [presence.sharePercent, presence.customer.id, presence.id],
  );
  if (!row?.fits) {
    throw badInput(
      'input.sharePercent',
      `would make the competitors' shares at this customer exceed 100 % (the others hold ${row?.total} %)`,
    );
  }
}

export function recordCustomerCompetitor(
  ctx: Context,
  input: RecordCustomerCompetitorInput,
): Promise<CustomerCompetitor> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    // Locks the customer's row: see assertSharesFit.
    const customer = await visibleCustomer(ctx, em, input.customerId, 'input.customerId');
    const competitor = await activeCompetitorOf(em, input.competitorId, 'input.competitorId');
    const recorded = await em.count(CustomerCompetitor, { customer: customer.id, competitor: competitor.id });
    if (recorded > 0) {
      throw badInput('input.competitorId', 'is already recorded at this customer: change that entry instead');
    }
    const presence = new CustomerCompetitor(ref(customer), ref(competitor));
    applyFields(presence, input, ctx.clock.today());
    await assertSharesFit(em, presence);
    em.persist(presence);
    return presence;
  });
}

/**
 * A presence by global id, locked, at a customer the viewer may see (its row locked too), or NOT_FOUND
 * naming `field`, the same for one hidden as for one that never existed.
 */
async function lockedPresence(ctx: Context, em: EntityManager, globalId: string, field: string) {
  const presence = await em.findOne(
    CustomerCompetitor,
    { id: idOf(globalId, 'CustomerCompetitor', field) },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  const customers = presence
    ? await selectVisibleCustomers(em, viewerOf(ctx), (q) =>
        q.where('c.id', presence.customer.id).forUpdate(),
      )
    : [];
  if (!presence || customers.length === 0) throw notFound('CustomerCompetitor', globalId, field);
  return presence;
}

export function updateCustomerCompetitor(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
  input: UpdateCustomerCompetitorInput,
): Promise<CustomerCompetitor> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const presence = await lockedPresence(ctx, em, globalId, 'id');
    expectVersion(presence, expectedVersion);
    applyFields(presence, input, ctx.clock.today());
    await assertSharesFit(em, presence);
    return presence;
  });
}

/** Removes a competitor from a customer's dossier; the history keeps what was recorded of it. */
export function removeCustomerCompetitor(
  ctx: Context,
  globalId: string,
  expectedVersion: number | null,
): Promise<boolean> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const presence = await lockedPresence(ctx, em, globalId, 'id');
    expectVersionIfGiven(presence, expectedVersion);
    em.remove(presence);
    return true;
  });
}
