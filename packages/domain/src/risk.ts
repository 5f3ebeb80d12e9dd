import { daysBetween } from './calendar.js';
import { AbcClass, RelationshipState, RiskCode, RiskLevel } from './enums.js';
import { formatCents } from './money.js';

// Risk signals (DOMAIN.md, "Watching both ends" 抓两头放中间): each rule of the table, its level, and
// how a customer's signals add up to one level and one score. The server evaluates the same rules
// set-wise in SQL (modules/risk/risk.sql.ts); its tests hold both to the same cases.

/** The thresholds DOMAIN.md calls settings, not constants. */
export interface RiskThresholds {
  /** an overdue receivable more than this many days past due is HIGH; default 90 */
  readonly overdueHighDays: number;
  /** revenue falling by at least this percentage against the previous period is a decline; default 30 */
  readonly revenueDeclinePercent: number;
  /** a dossier not reviewed for more than this many days is stale; default 60 */
  readonly reviewIntervalDays: number;
  /** an open complaint received more than this many days ago is unresolved too long; default 7 */
  readonly complaintMaxAgeDays: number;
}

export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = {
  overdueHighDays: 90,
  revenueDeclinePercent: 30,
  reviewIntervalDays: 60,
  complaintMaxAgeDays: 7,
};

/** What the rules look at for one customer. Dates are YYYY-MM-DD in UTC, amounts bigint cents. */
export interface RiskFacts {
  readonly today: string;
  /** unpaid amount of the orders past their due date (0n without any) */
  readonly overdueCents: bigint;
  /** days the oldest of those orders is past due; not read when nothing is overdue */
  readonly oldestDaysPastDue: number;
  /** unpaid amount of all orders, due or not */
  readonly openCents: bigint;
  readonly creditLimitCents: bigint | null;
  /** validUntil (inclusive) of the latest credit report; null without any report */
  readonly creditReportValidUntil: string | null;
  /** class in the default period, and in the period of equal length before (null: not classified then) */
  readonly abcClass: AbcClass;
  readonly previousAbcClass: AbcClass | null;
  readonly revenueCents: bigint;
  /** null when there is no classified period to compare with */
  readonly previousRevenueCents: bigint | null;
  /** active decision makers, each with its best relationship to active staff (coverage.ts) */
  readonly decisionMakers: readonly { readonly name: string; readonly best: RelationshipState }[];
  /** day of the last full review; null if never reviewed */
  readonly reviewedOn: string | null;
  /** day the dossier was opened: a dossier never reviewed is as old as it is */
  readonly openedOn: string;
  /** business day each open (not closed) complaint was received */
  readonly openComplaintsReceivedOn: readonly string[];
}

/** What each signal reports; amounts are `Decimal` strings. */
export interface RiskSignalParams {
  [RiskCode.OVERDUE_RECEIVABLE]: { amount: string; days: number };
  [RiskCode.CREDIT_LIMIT_EXCEEDED]: { amount: string; limit: string };
  /** null: no report at all (an A customer) */
  [RiskCode.CREDIT_REPORT_EXPIRED]: { validUntil: string | null };
  [RiskCode.REVENUE_DECLINE]: { revenue: string; previousRevenue: string; percent: number };
  [RiskCode.ABC_DOWNGRADE]: { from: AbcClass; to: AbcClass };
  [RiskCode.NEGATIVE_DECISION_MAKER]: { names: string[] };
  [RiskCode.UNCOVERED_DECISION_MAKER]: { names: string[] };
  [RiskCode.STALE_DOSSIER]: { days: number; reviewedOn: string | null };
  /** open complaints older than the setting, and the age in days of the oldest */
  [RiskCode.COMPLAINT_UNRESOLVED]: { count: number; days: number };
}

export type RiskSignal = {
  [C in RiskCode]: { readonly code: C; readonly level: RiskLevel; readonly params: RiskSignalParams[C] };
}[RiskCode];

export interface RiskAssessment {
  readonly level: RiskLevel;
  readonly score: number;
  /** in the order of the RiskCode enum (DOMAIN.md's table) */
  readonly signals: RiskSignal[];
}

/**
 * Score = the sum of the signals' weights. A customer has at most 9 signals, so 9 MEDIUM (90) stay below
 * one HIGH and 9 LOW (9) below one MEDIUM: sorting by score sorts by level first, then by the number of
 * HIGH, MEDIUM and LOW signals, and `level ≥ L` is exactly `score ≥ RISK_WEIGHTS[L]`.
 */
export const RISK_WEIGHTS: Readonly<Record<RiskLevel, number>> = {
  [RiskLevel.HIGH]: 100,
  [RiskLevel.MEDIUM]: 10,
  [RiskLevel.LOW]: 1,
  [RiskLevel.NONE]: 0,
};

const LEVELS_DOWN = [RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW] as const;

/** The level a score stands for (see RISK_WEIGHTS). */
export function riskLevelOfScore(score: number): RiskLevel {
  return LEVELS_DOWN.find((level) => score >= RISK_WEIGHTS[level]) ?? RiskLevel.NONE;
}

const CLASS_RANK: Readonly<Record<AbcClass, number>> = { [AbcClass.A]: 3, [AbcClass.B]: 2, [AbcClass.C]: 1 };

// Code-unit order, like the SQL's `collate "C"`, so both sides list names alike whatever the locale.
const sortedNames = (people: readonly { name: string }[]) =>
  people.map((p) => p.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

type Rule = (facts: RiskFacts, thresholds: RiskThresholds) => RiskSignal | null;

const RULES: readonly Rule[] = [
  (f, t) => {
    if (f.overdueCents <= 0n) return null;
    const overLimit = f.creditLimitCents !== null && f.overdueCents > f.creditLimitCents;
    const level = f.oldestDaysPastDue > t.overdueHighDays || overLimit ? RiskLevel.HIGH : RiskLevel.MEDIUM;
    const params = { amount: formatCents(f.overdueCents), days: f.oldestDaysPastDue };
    return { code: RiskCode.OVERDUE_RECEIVABLE, level, params };
  },
  (f) => {
    if (f.creditLimitCents === null || f.openCents <= f.creditLimitCents) return null;
    const params = { amount: formatCents(f.openCents), limit: formatCents(f.creditLimitCents) };
    return { code: RiskCode.CREDIT_LIMIT_EXCEEDED, level: RiskLevel.HIGH, params };
  },
  (f) => {
    const validUntil = f.creditReportValidUntil;
    const expired = validUntil === null ? f.abcClass === AbcClass.A : validUntil < f.today;
    if (!expired) return null;
    return { code: RiskCode.CREDIT_REPORT_EXPIRED, level: RiskLevel.MEDIUM, params: { validUntil } };
  },
  (f, t) => {
    const previous = f.previousRevenueCents;
    if (previous === null || previous <= 0n) return null;
    const fall = previous - f.revenueCents;
    if (fall * 100n < BigInt(t.revenueDeclinePercent) * previous) return null;
    // A customer that was A and has collapsed matters as much as one still A.
    const wasA = f.abcClass === AbcClass.A || f.previousAbcClass === AbcClass.A;
    const params = {
      revenue: formatCents(f.revenueCents),
      previousRevenue: formatCents(previous),
      percent: Number((fall * 100n) / previous),
    };
    return { code: RiskCode.REVENUE_DECLINE, level: wasA ? RiskLevel.HIGH : RiskLevel.MEDIUM, params };
  },
  (f) => {
    const from = f.previousAbcClass;
    if (from === null || CLASS_RANK[from] <= CLASS_RANK[f.abcClass]) return null;
    const level = from === AbcClass.A ? RiskLevel.MEDIUM : RiskLevel.LOW;
    return { code: RiskCode.ABC_DOWNGRADE, level, params: { from, to: f.abcClass } };
  },
  (f) => {
    const negative = f.decisionMakers.filter((d) => d.best === RelationshipState.NEGATIVE);
    if (negative.length === 0) return null;
    const params = { names: sortedNames(negative) };
    return { code: RiskCode.NEGATIVE_DECISION_MAKER, level: RiskLevel.HIGH, params };
  },
  (f) => {
    const uncovered = f.decisionMakers.filter((d) => d.best !== RelationshipState.POSITIVE);
    if (uncovered.length === 0) return null;
    const params = { names: sortedNames(uncovered) };
    return { code: RiskCode.UNCOVERED_DECISION_MAKER, level: RiskLevel.MEDIUM, params };
  },
  (f, t) => {
    const days = daysBetween(f.reviewedOn ?? f.openedOn, f.today);
    if (days <= t.reviewIntervalDays) return null;
    const level = f.abcClass === AbcClass.A ? RiskLevel.MEDIUM : RiskLevel.LOW;
    return { code: RiskCode.STALE_DOSSIER, level, params: { days, reviewedOn: f.reviewedOn } };
  },
  (f, t) => {
    const ages = f.openComplaintsReceivedOn
      .map((day) => daysBetween(day, f.today))
      .filter((days) => days > t.complaintMaxAgeDays);
    if (ages.length === 0) return null;
    // An unhappy top customer is the one a competitor is courting.
    const level = f.abcClass === AbcClass.A ? RiskLevel.HIGH : RiskLevel.MEDIUM;
    const params = { count: ages.length, days: Math.max(...ages) };
    return { code: RiskCode.COMPLAINT_UNRESOLVED, level, params };
  },
];

/** The signals of one customer, its level (the highest signal's, NONE without any) and its score. */
export function assessRisk(
  facts: RiskFacts,
  thresholds: RiskThresholds = DEFAULT_RISK_THRESHOLDS,
): RiskAssessment {
  const signals = RULES.map((rule) => rule(facts, thresholds)).filter((s): s is RiskSignal => s !== null);
  const score = signals.reduce((sum, s) => sum + RISK_WEIGHTS[s.level], 0);
  return { level: riskLevelOfScore(score), score, signals };
}
