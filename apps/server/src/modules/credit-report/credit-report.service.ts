import { requireDossierWriter } from '../../core/access/policy.js';
import { type Context, viewerOf } from '../../core/context.js';
import { writeTransaction } from '../../core/database/transaction.js';
import { badInput } from '../../core/errors.js';
import { optionalAmount, optionalText } from '../../core/validation.js';
import { Customer } from '../customer/customer.entity.js';
import { visibleCustomer } from '../customer/customer.service.js';
import { Staff } from '../staff/staff.entity.js';
import { CreditReport } from './credit-report.entity.js';
import type { RecordCreditReportInput } from './inputs/credit-report-inputs.js';
import { validityRange } from './validity.js';

/** Records a credit investigation (资信调查报告) written by the viewer. */
export function recordCreditReport(ctx: Context, input: RecordCreditReportInput): Promise<CreditReport> {
  const author = viewerOf(ctx);
  requireDossierWriter(ctx);
  return writeTransaction(ctx, async (em) => {
    if (input.reportedAt > ctx.clock.today()) throw badInput('input.reportedAt', 'must not be in the future');
    const { earliest, latest } = validityRange(input.reportedAt);
    if (input.validUntil < earliest || input.validUntil > latest) {
      throw badInput(
        'input.validUntil',
        `must be 3 to 12 months after reportedAt (${earliest} to ${latest})`,
      );
    }
    const recommendedLimit = optionalAmount('input.recommendedLimit', input.recommendedLimit);
    const summary = optionalText('input.summary', input.summary, 5000);
    const customer = await visibleCustomer(ctx, em, input.customerId, 'input.customerId');
    const report = new CreditReport(
      em.getReference(Customer, customer.id, { wrapped: true }),
      input.reportedAt,
      input.validUntil,
      input.rating,
    );
    report.recommendedLimit = recommendedLimit;
    report.summary = summary;
    report.author = em.getReference(Staff, author.id, { wrapped: true });
    em.persist(report);
    return report;
  });
}
