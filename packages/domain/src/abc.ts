import { AbcClass } from './enums.js';
import {
  addFractions,
  compareBigInt,
  compareFractions,
  type Fraction,
  fractionOf,
  isBelowShare,
  ratio,
} from './fraction.js';

// ABC classification (DOMAIN.md, "Classifying customers"), Pareto style.
//
// Revenue of a customer is net of returns and so can be negative. Such a customer is C and
// contributes 0, not its negative amount, to the total the shares are taken of: otherwise the other
// customers' shares would add up to more than 1 and one customer's returns would move everyone
// else's class. `revenueCents` in the output keeps the true, signed amount.

export type CustomerId = string | number;

export interface AbcRevenue {
  readonly customerId: CustomerId;
  /** unique customer number; breaks ties between equal revenues */
  readonly code: string;
  readonly revenueCents: bigint;
}

export interface AbcOptions {
  /** share of revenue covered by A customers; default 0.8 */
  aShare?: number;
  /** share of revenue covered by B customers after the A ones; default 0.15 */
  bShare?: number;
}

export interface CustomerAbcGrade {
  readonly customerId: CustomerId;
  readonly code: string;
  readonly class: AbcClass;
  /** 1 = largest revenue */
  readonly rank: number;
  readonly revenueCents: bigint;
  /** of the period's total positive revenue */
  readonly share: number;
  /** including this customer */
  readonly cumulativeShare: number;
}

export interface AbcClassification {
  readonly aShare: number;
  readonly bShare: number;
  /** sum of the positive revenues, the base of every share */
  readonly totalCents: bigint;
  /** in rank order */
  readonly grades: CustomerAbcGrade[];
}

/** Invalid shares, points or customers; a RangeError so callers can map it to a user input error. */
export class AbcInputError extends RangeError {
  override readonly name = 'AbcInputError';
}

export const DEFAULT_A_SHARE = 0.8;
export const DEFAULT_B_SHARE = 0.15;

/**
 * Ranks customers by revenue (largest first, ties by code) and grades each A, B or C by the revenue
 * of all customers ranked above it; include customers without revenue, they are C. Throws
 * AbcInputError for invalid shares or a customer listed twice.
 */
export function classifyAbc(customers: readonly AbcRevenue[], options: AbcOptions = {}): AbcClassification {
  const { aShare = DEFAULT_A_SHARE, bShare = DEFAULT_B_SHARE } = options;
  const { aBound, abBound } = shareBounds(aShare, bShare);
  assertUniqueCustomers(customers);

  const ranked = [...customers].sort(compareRanking);
  const totalCents = ranked.reduce((sum, c) => sum + classifiedRevenue(c.revenueCents), 0n);

  let before = 0n;
  const grades = ranked.map((customer, index): CustomerAbcGrade => {
    const own = classifiedRevenue(customer.revenueCents);
    const grade: CustomerAbcGrade = {
      customerId: customer.customerId,
      code: customer.code,
      class: own === 0n ? AbcClass.C : classAt(before, totalCents, aBound, abBound),
      rank: index + 1,
      revenueCents: customer.revenueCents,
      share: ratio(own, totalCents),
      cumulativeShare: ratio(before + own, totalCents),
    };
    before += own;
    return grade;
  });
  return { aShare, bShare, totalCents, grades };
}

function shareBounds(aShare: number, bShare: number): { aBound: Fraction; abBound: Fraction } {
  if (!Number.isFinite(aShare) || aShare <= 0) {
    throw new AbcInputError(`Invalid aShare ${aShare}: expected a number above 0`);
  }
  if (!Number.isFinite(bShare) || bShare < 0) {
    throw new AbcInputError(`Invalid bShare ${bShare}: expected a number of at least 0`);
  }
  const aBound = fractionOf(aShare);
  const abBound = addFractions(aBound, fractionOf(bShare));
  if (compareFractions(abBound, { numerator: 1n, denominator: 1n }) > 0) {
    throw new AbcInputError(`Invalid shares ${aShare} and ${bShare}: aShare + bShare must not exceed 1`);
  }
  return { aBound, abBound };
}

function assertUniqueCustomers(customers: readonly AbcRevenue[]): void {
  const seen = new Set<CustomerId>();
  for (const { customerId } of customers) {
    // A customer listed twice would be counted twice in the total and shift every boundary.
    if (seen.has(customerId)) throw new AbcInputError(`Customer ${customerId} is listed twice`);
    seen.add(customerId);
  }
}

function classAt(before: bigint, total: bigint, aBound: Fraction, abBound: Fraction): AbcClass {
  if (isBelowShare(before, aBound, total)) return AbcClass.A;
  return isBelowShare(before, abBound, total) ? AbcClass.B : AbcClass.C;
}

// Code order is by UTF-16 code unit, not locale collation, so that the ranking is the same on the
// server, in the browser and whatever the database's collation.
function compareRanking(a: AbcRevenue, b: AbcRevenue): number {
  const byRevenue = compareBigInt(b.revenueCents, a.revenueCents);
  if (byRevenue !== 0) return byRevenue;
  if (a.code === b.code) return 0;
  return a.code < b.code ? -1 : 1;
}

/** Revenue counted towards shares: a net negative one counts as 0 (see the top of this file). */
export function classifiedRevenue(revenueCents: bigint): bigint {
  return revenueCents > 0n ? revenueCents : 0n;
}
