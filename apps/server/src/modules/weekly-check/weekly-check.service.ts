import { isWeekStart, WeeklyCheckVerdict, weekStartOf } from '@dossier/domain';
import { requireWeeklyChecker } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { badInput, versionConflict } from '../../core/errors.js';
import { optionalText, requiredText } from '../../core/validation.js';
import { Customer } from '../customer/customer.entity.js';
import { visibleCustomer } from '../customer/customer.service.js';
import { Staff } from '../staff/staff.entity.js';
import { WeeklyCheck } from './weekly-check.entity.js';
import { weekChanges } from './weekly-check.query.js';

export interface VerdictRequest {
  customerId: string;
  weekStart: string;
  verdict: WeeklyCheckVerdict;
  comment: string | null | undefined;
  /** The version of the verdict the checker saw; absent when they saw none. */
  version?: number | null;
}

const COMMENT_MAX = 2000;

/**
 * Gives the checker's verdict on a dossier for a week: checked (a comment optional) or sent back (the
 * request required). The dossier must be on the checker's list of that week (their reps changed it); a
 * second verdict changes the first, and only from the version the checker saw: a verdict given meanwhile
 * by someone else (the other manager, an admin) is a VERSION_CONFLICT, not silently overwritten.
 */
export function giveVerdict(ctx: Context, request: VerdictRequest): Promise<WeeklyCheck> {
  const checker = requireWeeklyChecker(ctx);
  return writeTransaction(ctx, async (em) => {
    const comment =
      request.verdict === WeeklyCheckVerdict.RETURNED
        ? requiredText('request', request.comment, COMMENT_MAX)
        : optionalText('comment', request.comment, COMMENT_MAX);
    if (!isWeekStart(request.weekStart)) throw badInput('weekStart', 'must be a Monday');
    if (request.weekStart > weekStartOf(ctx.clock.today()))
      throw badInput('weekStart', 'must not be in the future');
    // Locks the customer row: two verdicts on one dossier queue here rather than clash on the unique index.
    const customer = await visibleCustomer(ctx, em, request.customerId, 'customerId');
    const listed = await weekChanges(em, checker, request.weekStart, ctx.clock.timeZone, {
      customerId: customer.id,
    });
    if (listed.length === 0) throw badInput('customerId', 'was not changed by your reps in that week');
    const existing = await em.findOne(WeeklyCheck, { customer: customer.id, weekStart: request.weekStart });
    const reviewedAt = ctx.clock.now();
    const manager = em.getReference(Staff, checker.id, { wrapped: true });
    if (!existing) {
      // A version names a verdict the checker saw; there is none (0: nothing to reload but the list).
      if (request.version !== null && request.version !== undefined) throw versionConflict('WeeklyCheck', 0);
      const check = new WeeklyCheck(
        em.getReference(Customer, customer.id, { wrapped: true }),
        request.weekStart,
        manager,
        request.verdict,
        comment,
        reviewedAt,
      );
      em.persist(check);
      return check;
    }
    if (request.version === null || request.version === undefined) {
      throw versionConflict('WeeklyCheck', existing.version);
    }
    expectVersion(existing, request.version);
    Object.assign(existing, { verdict: request.verdict, comment, manager, reviewedAt });
    return existing;
  });
}
