import { FeedbackStatus } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireDossierWriter } from '../../core/access/policy.js';
import { type Context, viewerOf } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { optionalText, requiredText } from '../../core/validation.js';
import { Customer } from '../customer/customer.entity.js';
import { customerVisibleTo } from '../customer/customer.loaders.js';
import { visibleCustomer } from '../customer/customer.service.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { activeStaff } from '../staff/staff.service.js';
import { Feedback } from './feedback.entity.js';
import type { RecordFeedbackInput, UpdateFeedbackHandlingInput } from './inputs/feedback-inputs.js';

const TEXT_MAX = 5000;
/** A tablet's clock may run a little ahead of the server's: what it calls "now" is not the future. */
const CLOCK_SLACK_MS = 5 * 60 * 1000;

/** A feedback whose customer the viewer may see, loaded in `em`; otherwise NOT_FOUND on `id`. */
async function visibleFeedback(ctx: Context, em: EntityManager, globalId: string): Promise<Feedback> {
  const feedback = await em.findOne(Feedback, { id: idOf(globalId, 'Feedback', 'id') });
  if (!feedback || !(await customerVisibleTo(em, ctx.viewer, feedback.customer.id))) {
    throw notFound('Feedback', globalId, 'id');
  }
  return feedback;
}

/** The key person who raised it: one of this customer's, else as unknown as an id that never existed. */
async function keyPersonOf(em: EntityManager, customerId: string, globalId: string) {
  const field = 'input.keyPersonId';
  const person = await em.findOne(KeyPerson, {
    id: idOf(globalId, 'KeyPerson', field),
    customer: customerId,
  });
  if (!person) throw notFound('KeyPerson', globalId, field);
  return em.getReference(KeyPerson, person.id, { wrapped: true });
}

/** Records a complaint or opinion the customer raised; it opens unhandled, recorded by the viewer. */
export function recordFeedback(ctx: Context, input: RecordFeedbackInput): Promise<Feedback> {
  const recorder = viewerOf(ctx);
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    if (input.receivedAt.getTime() > ctx.clock.now().getTime() + CLOCK_SLACK_MS) {
      throw badInput('input.receivedAt', 'must not be in the future');
    }
    const description = requiredText('input.description', input.description, TEXT_MAX);
    const customer = await visibleCustomer(ctx, em, input.customerId, 'input.customerId');
    const feedback = new Feedback(em.getReference(Customer, customer.id, { wrapped: true }), {
      ...input,
      description,
    });
    if (input.keyPersonId) feedback.keyPerson = await keyPersonOf(em, customer.id, input.keyPersonId);
    feedback.recordedBy = em.getReference(Staff, recorder.id, { wrapped: true });
    em.persist(feedback);
    return feedback;
  });
}

/** One step of the handling: loads the feedback, checks the version, applies `change`. */
function handle(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
  change: (feedback: Feedback, em: EntityManager) => Promise<void> | void,
): Promise<Feedback> {
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    const feedback = await visibleFeedback(ctx, em, globalId);
    expectVersion(feedback, expectedVersion);
    await change(feedback, em);
    return feedback;
  });
}

/** Names who handles it: any active staff member (customer service need not be in the sales line). */
export const assignFeedbackHandler = (ctx: Context, id: string, version: number, handlerId: string) =>
  handle(ctx, id, version, async (feedback, em) => {
    feedback.handler = await activeStaff(em, handlerId, 'handlerId');
  });

export const updateFeedbackHandling = (
  ctx: Context,
  id: string,
  version: number,
  input: UpdateFeedbackHandlingInput,
) =>
  handle(ctx, id, version, (feedback) => {
    if (input.handlingPlan !== undefined) {
      feedback.handlingPlan = optionalText('input.handlingPlan', input.handlingPlan, TEXT_MAX);
    }
    if (input.result !== undefined) {
      const result = optionalText('input.result', input.result, TEXT_MAX);
      // A closed feedback keeps the result it was closed with (the database holds it to that too).
      if (result === null && feedback.status === FeedbackStatus.CLOSED) {
        throw badInput('input.result', 'cannot be cleared on a closed feedback: reopen it first');
      }
      feedback.result = result;
    }
  });

/** Closes it with its result; closing an open complaint takes it out of COMPLAINT_UNRESOLVED at once. */
export const closeFeedback = (ctx: Context, id: string, version: number, result: string) =>
  handle(ctx, id, version, (feedback) => {
    if (feedback.status === FeedbackStatus.CLOSED) throw badInput('id', 'is closed already');
    feedback.result = requiredText('result', result, TEXT_MAX);
    feedback.status = FeedbackStatus.CLOSED;
    feedback.closedAt = ctx.clock.now();
  });

/** Reopens a closed feedback (the customer was not satisfied after all); its last result stays. */
export const reopenFeedback = (ctx: Context, id: string, version: number) =>
  handle(ctx, id, version, (feedback) => {
    if (feedback.status === FeedbackStatus.OPEN) throw badInput('id', 'is open already');
    feedback.status = FeedbackStatus.OPEN;
    feedback.closedAt = null;
  });
