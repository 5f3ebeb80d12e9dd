import { CreditRating, CustomerLifecycle, CustomerNature } from '@dossier/domain';
import type { Row } from './bulk-insert.js';
import type { DemoCustomer } from './demo-customers.js';
import { CREDIT_SUMMARIES } from './demo-phrases.js';
import { addDays, addMonths, type Demo, yuan } from './demo-random.js';

const { AAA, AA, A, BBB, BB, B, CCC, CC, C } = CreditRating;

/** Best first, with how common each is as the latest rating. */
const RATINGS = [
  [AAA, 5],
  [AA, 15],
  [A, 25],
  [BBB, 25],
  [BB, 15],
  [B, 8],
  [CCC, 4],
  [CC, 2],
  [C, 1],
] as const;

/** Recommended credit limit (授信建议) per rating, in units of 10,000 yuan; none below B. */
const LIMITS: Record<CreditRating, [number, number] | null> = {
  [AAA]: [300, 800],
  [AA]: [150, 500],
  [A]: [80, 300],
  [BBB]: [30, 150],
  [BB]: [10, 60],
  [B]: [1, 20],
  [CCC]: null,
  [CC]: null,
  [C]: null,
};

const INVESTIGATED: Record<CustomerLifecycle, number> = {
  [CustomerLifecycle.ACTIVE]: 0.9,
  [CustomerLifecycle.DORMANT]: 0.6,
  [CustomerLifecycle.PROSPECT]: 0.15,
};

/**
 * One to three credit reports (资信调查报告), each valid for 3 to 12 months, the older ones followed by a
 * new investigation. The latest ones were made up to ten months ago, so a good share has expired: the
 * customers due for a new investigation. Sets the customer's credit limit from the latest report.
 */
export function creditReports(demo: Demo, customer: DemoCustomer, analyst: string): Row[] {
  const likelihood =
    INVESTIGATED[customer.lifecycle] * (customer.nature === CustomerNature.INDIVIDUAL ? 0.3 : 1);
  if (!demo.chance(likelihood)) return [];
  const reports: Row[] = [];
  let reportedAt = demo.daysAgo(10, 300);
  const latestRating = demo.weighted(RATINGS);
  let rank = RATINGS.findIndex(([rating]) => rating === latestRating);
  for (let n = demo.int(1, 3); n > 0; n -= 1) {
    const rating = RATINGS[rank]?.[0] ?? BBB;
    const range = LIMITS[rating];
    const limit = range ? yuan(demo.int(...range) * 10_000) : null;
    if (reports.length === 0) customer.creditLimit = limit;
    reports.push({
      id: demo.id(),
      customer_id: customer.id,
      reported_at: demo.day(reportedAt),
      valid_until: demo.day(addMonths(reportedAt, demo.pick([3, 6, 6, 12, 12]))),
      rating,
      recommended_limit: limit,
      summary: demo.pick(CREDIT_SUMMARIES[rating]),
      author_id: analyst,
      created_at: reportedAt,
      updated_at: reportedAt,
    });
    reportedAt = addDays(addMonths(reportedAt, -12), demo.int(0, 60));
    // A rating moves a notch at most from one investigation to the next.
    rank = Math.min(RATINGS.length - 1, Math.max(0, rank + demo.int(-1, 1)));
  }
  return reports;
}
