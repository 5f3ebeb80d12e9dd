import {
  addDays,
  addFractions,
  addMonths,
  compareFractions,
  DEFAULT_A_SHARE,
  DEFAULT_B_SHARE,
  daysBetween,
  fractionOf,
} from '@dossier/domain';
import type { Clock } from '../../core/clock/clock.js';
import { badInput } from '../../core/errors.js';

/** Which revenue a classification ranks: [from, to] and the period of equal length just before it. */
export interface AbcPeriod {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

export interface AbcRequest extends AbcPeriod {
  aShare: number;
  bShare: number;
  /** The business time zone: a period's days start at its midnights (who existed before `from`). */
  timeZone: string;
}

export interface AbcRequestInput {
  from?: string | null;
  to?: string | null;
  aShare?: number | null;
  bShare?: number | null;
}

export const MAX_PERIOD_YEARS = 10;

/** The 12 months up to `to`, both ends included: 2025-11-23..2026-11-22 for to = 2026-11-22. */
export const defaultFrom = (to: string): string => addDays(addMonths(to, -12), 1);

/** [from, to] with the period of the same number of days that ends the day before `from`. */
export function abcPeriod(from: string, to: string): AbcPeriod {
  const previousTo = addDays(from, -1);
  return { from, to, previousTo, previousFrom: addDays(previousTo, -daysBetween(from, to)) };
}

function shareOf(
  value: number | null | undefined,
  fallback: number,
  field: string,
  positive: boolean,
): number {
  const share = value ?? fallback;
  if (!Number.isFinite(share) || (positive ? share <= 0 : share < 0)) {
    throw badInput(field, positive ? 'must be above 0' : 'must be at least 0');
  }
  return share;
}

/**
 * The period and shares asked for, defaults filled in (DOMAIN.md: the 12 months up to today on the
 * business calendar, aShare 0.8, bShare 0.15), or BAD_USER_INPUT naming the field at fault.
 */
export function abcRequest(input: AbcRequestInput | null | undefined, clock: Clock): AbcRequest {
  const to = input?.to ?? clock.today();
  const from = input?.from ?? defaultFrom(to);
  if (from > to) throw badInput('input.from', 'must not be after input.to');
  if (to >= addMonths(from, 12 * MAX_PERIOD_YEARS)) {
    throw badInput('input.to', `must be less than ${MAX_PERIOD_YEARS} years after input.from`);
  }
  const aShare = shareOf(input?.aShare, DEFAULT_A_SHARE, 'input.aShare', true);
  const bShare = shareOf(input?.bShare, DEFAULT_B_SHARE, 'input.bShare', false);
  // Exactly as typed: 0.8 + 0.2 is 1 here, though the floats add up to 1.0000000000000002.
  if (
    compareFractions(addFractions(fractionOf(aShare), fractionOf(bShare)), {
      numerator: 1n,
      denominator: 1n,
    }) > 0
  ) {
    throw badInput('input.bShare', 'must not exceed 1 − input.aShare');
  }
  return { ...abcPeriod(from, to), aShare, bShare, timeZone: clock.timeZone };
}
