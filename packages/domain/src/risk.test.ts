import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AbcClass as C, RiskLevel as L, RiskCode, RelationshipState as S } from './enums.js';
import {
  assessRisk,
  DEFAULT_RISK_THRESHOLDS,
  RISK_WEIGHTS,
  type RiskFacts,
  riskLevelOfScore,
} from './risk.js';

const TODAY = '2026-11-22';

/** A customer no rule fires for: C now and before, paid up, reviewed today. */
const calm: RiskFacts = {
  today: TODAY,
  overdueCents: 0n,
  oldestDaysPastDue: 0,
  openCents: 0n,
  creditLimitCents: null,
  creditReportValidUntil: null,
  abcClass: C.C,
  previousAbcClass: C.C,
  revenueCents: 0n,
  previousRevenueCents: 0n,
  decisionMakers: [],
  reviewedOn: TODAY,
  openedOn: '2020-01-01',
  openComplaintsReceivedOn: [],
};

const dm = (name: string, best: S) => ({ name, best });

// Each row changes `calm` by a few facts and expects exactly these signals (code, level, params).
const cases: Array<[string, Partial<RiskFacts>, Array<[RiskCode, L, object]>]> = [
  ['nothing wrong', {}, []],
  // OVERDUE_RECEIVABLE
  [
    'overdue 95 days: HIGH',
    { overdueCents: 1_250_000n, oldestDaysPastDue: 95, openCents: 1_250_000n },
    [[RiskCode.OVERDUE_RECEIVABLE, L.HIGH, { amount: '12500.00', days: 95 }]],
  ],
  [
    'overdue exactly 90 days: MEDIUM',
    { overdueCents: 100n, oldestDaysPastDue: 90, openCents: 100n },
    [[RiskCode.OVERDUE_RECEIVABLE, L.MEDIUM, { amount: '1.00', days: 90 }]],
  ],
  [
    'overdue 1 day, above the credit limit: HIGH beside CREDIT_LIMIT_EXCEEDED',
    { overdueCents: 50_001n, oldestDaysPastDue: 1, openCents: 50_001n, creditLimitCents: 50_000n },
    [
      [RiskCode.OVERDUE_RECEIVABLE, L.HIGH, { amount: '500.01', days: 1 }],
      [RiskCode.CREDIT_LIMIT_EXCEEDED, L.HIGH, { amount: '500.01', limit: '500.00' }],
    ],
  ],
  ['open but not yet due', { openCents: 99_999n }, []],
  // CREDIT_LIMIT_EXCEEDED
  [
    'open above a zero limit',
    { openCents: 1n, creditLimitCents: 0n },
    [[RiskCode.CREDIT_LIMIT_EXCEEDED, L.HIGH, { amount: '0.01', limit: '0.00' }]],
  ],
  ['open exactly at the limit', { openCents: 50_000n, creditLimitCents: 50_000n }, []],
  ['open without a limit', { openCents: 10_000_000n, creditLimitCents: null }, []],
  // CREDIT_REPORT_EXPIRED
  [
    'report valid until yesterday',
    { creditReportValidUntil: '2026-11-21' },
    [[RiskCode.CREDIT_REPORT_EXPIRED, L.MEDIUM, { validUntil: '2026-11-21' }]],
  ],
  ['report valid until today (inclusive)', { creditReportValidUntil: TODAY }, []],
  [
    'no report for an A customer',
    { abcClass: C.A, previousAbcClass: C.A },
    [[RiskCode.CREDIT_REPORT_EXPIRED, L.MEDIUM, { validUntil: null }]],
  ],
  ['no report for a B customer', { abcClass: C.B, previousAbcClass: C.B }, []],
  // REVENUE_DECLINE
  [
    'revenue fell by exactly 30%',
    { revenueCents: 70_000n, previousRevenueCents: 100_000n },
    [[RiskCode.REVENUE_DECLINE, L.MEDIUM, { revenue: '700.00', previousRevenue: '1000.00', percent: 30 }]],
  ],
  ['revenue fell by 29.99%', { revenueCents: 70_001n, previousRevenueCents: 100_000n }, []],
  [
    'revenue of an A customer fell to nothing: HIGH',
    { abcClass: C.A, previousAbcClass: C.A, creditReportValidUntil: TODAY, previousRevenueCents: 5n },
    [[RiskCode.REVENUE_DECLINE, L.HIGH, { revenue: '0.00', previousRevenue: '0.05', percent: 100 }]],
  ],
  [
    'a former A customer that collapsed: HIGH, with its downgrade',
    { previousAbcClass: C.A, revenueCents: -1_000n, previousRevenueCents: 10_000n },
    [
      [RiskCode.REVENUE_DECLINE, L.HIGH, { revenue: '-10.00', previousRevenue: '100.00', percent: 110 }],
      [RiskCode.ABC_DOWNGRADE, L.MEDIUM, { from: C.A, to: C.C }],
    ],
  ],
  ['no revenue before either', { revenueCents: 0n, previousRevenueCents: 0n }, []],
  ['no previous period', { revenueCents: 0n, previousRevenueCents: null }, []],
  ['revenue grew', { revenueCents: 200n, previousRevenueCents: 100n }, []],
  // ABC_DOWNGRADE
  [
    'B to C: LOW',
    { abcClass: C.C, previousAbcClass: C.B },
    [[RiskCode.ABC_DOWNGRADE, L.LOW, { from: C.B, to: C.C }]],
  ],
  [
    'A to B: MEDIUM',
    { abcClass: C.B, previousAbcClass: C.A },
    [[RiskCode.ABC_DOWNGRADE, L.MEDIUM, { from: C.A, to: C.B }]],
  ],
  ['C to A is no downgrade', { abcClass: C.A, previousAbcClass: C.C, creditReportValidUntil: TODAY }, []],
  ['new customer (no previous class)', { abcClass: C.C, previousAbcClass: null }, []],
  // NEGATIVE_DECISION_MAKER and UNCOVERED_DECISION_MAKER
  [
    'a decision maker on bad terms is negative and uncovered',
    { decisionMakers: [dm('王总', S.NEGATIVE), dm('李总', S.POSITIVE)] },
    [
      [RiskCode.NEGATIVE_DECISION_MAKER, L.HIGH, { names: ['王总'] }],
      [RiskCode.UNCOVERED_DECISION_MAKER, L.MEDIUM, { names: ['王总'] }],
    ],
  ],
  [
    'NEUTRAL and NONE are uncovered, names in code-unit order',
    { decisionMakers: [dm('Zhao', S.NONE), dm('Li', S.NEUTRAL), dm('Wu', S.POSITIVE)] },
    [[RiskCode.UNCOVERED_DECISION_MAKER, L.MEDIUM, { names: ['Li', 'Zhao'] }]],
  ],
  ['every decision maker covered', { decisionMakers: [dm('Wu', S.POSITIVE)] }, []],
  // STALE_DOSSIER
  [
    'reviewed 61 days ago',
    { reviewedOn: '2026-09-22' },
    [[RiskCode.STALE_DOSSIER, L.LOW, { days: 61, reviewedOn: '2026-09-22' }]],
  ],
  ['reviewed exactly 60 days ago', { reviewedOn: '2026-09-23' }, []],
  [
    'an A customer never reviewed: counted from its opening, MEDIUM',
    { abcClass: C.A, previousAbcClass: C.A, creditReportValidUntil: TODAY, reviewedOn: null },
    [[RiskCode.STALE_DOSSIER, L.MEDIUM, { days: 2517, reviewedOn: null }]],
  ],
  ['never reviewed, opened 60 days ago', { reviewedOn: null, openedOn: '2026-09-23' }, []],
  // COMPLAINT_UNRESOLVED
  [
    'a complaint open 8 days: MEDIUM',
    { openComplaintsReceivedOn: ['2026-11-14'] },
    [[RiskCode.COMPLAINT_UNRESOLVED, L.MEDIUM, { count: 1, days: 8 }]],
  ],
  ['a complaint open exactly 7 days', { openComplaintsReceivedOn: ['2026-11-15', TODAY] }, []],
  [
    'two of three complaints too old, for an A customer: HIGH',
    {
      abcClass: C.A,
      previousAbcClass: C.A,
      creditReportValidUntil: TODAY,
      openComplaintsReceivedOn: ['2026-11-01', '2026-11-20', '2026-11-10'],
    },
    [[RiskCode.COMPLAINT_UNRESOLVED, L.HIGH, { count: 2, days: 21 }]],
  ],
];

describe('assessRisk', () => {
  it.each(cases)('%s', (_case, facts, expected) => {
    const { signals } = assessRisk({ ...calm, ...facts });
    expect(signals.map((s) => [s.code, s.level, s.params])).toEqual(expected);
  });

  it('takes the complaint age as a setting', () => {
    const facts = { ...calm, openComplaintsReceivedOn: ['2026-11-19'] };
    expect(assessRisk(facts).signals).toEqual([]);
    const strict = { ...DEFAULT_RISK_THRESHOLDS, complaintMaxAgeDays: 2 };
    expect(assessRisk(facts, strict).signals.map((s) => [s.code, s.level, s.params])).toEqual([
      [RiskCode.COMPLAINT_UNRESOLVED, L.MEDIUM, { count: 1, days: 3 }],
    ]);
  });

  it('takes its thresholds as settings', () => {
    const facts = {
      ...calm,
      overdueCents: 100n,
      oldestDaysPastDue: 31,
      openCents: 100n,
      revenueCents: 85n,
      previousRevenueCents: 100n,
      reviewedOn: '2026-11-01',
    };
    expect(assessRisk(facts).signals.map((s) => [s.code, s.level])).toEqual([
      [RiskCode.OVERDUE_RECEIVABLE, L.MEDIUM],
    ]);
    const strict = {
      overdueHighDays: 30,
      revenueDeclinePercent: 15,
      reviewIntervalDays: 20,
      complaintMaxAgeDays: 7,
    };
    expect(assessRisk(facts, strict).signals.map((s) => [s.code, s.level])).toEqual([
      [RiskCode.OVERDUE_RECEIVABLE, L.HIGH],
      [RiskCode.REVENUE_DECLINE, L.MEDIUM],
      [RiskCode.STALE_DOSSIER, L.LOW],
    ]);
  });

  it('levels and scores a customer by its signals', () => {
    expect(assessRisk(calm)).toEqual({ level: L.NONE, score: 0, signals: [] });
    const risky = assessRisk({
      ...calm,
      abcClass: C.B,
      previousAbcClass: C.A,
      decisionMakers: [dm('王总', S.NEGATIVE)],
      reviewedOn: '2026-01-01',
    });
    // HIGH negative decision maker + MEDIUM uncovered + MEDIUM A→B + LOW stale
    expect([risky.level, risky.score]).toEqual([L.HIGH, 121]);
  });

  it('uses the documented defaults', () => {
    expect(DEFAULT_RISK_THRESHOLDS).toEqual({
      overdueHighDays: 90,
      revenueDeclinePercent: 30,
      reviewIntervalDays: 60,
      complaintMaxAgeDays: 7,
    });
  });
});

describe('risk score', () => {
  const levels = [L.HIGH, L.MEDIUM, L.LOW] as const;

  it('orders by level first: the score of any set of up to 9 signals gives back its highest level', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...levels), { maxLength: 9 }), (signalLevels) => {
        const score = signalLevels.reduce((sum, level) => sum + RISK_WEIGHTS[level], 0);
        const highest = levels.find((level) => signalLevels.includes(level)) ?? L.NONE;
        expect(riskLevelOfScore(score)).toBe(highest);
      }),
    );
  });

  it.each([
    [0, L.NONE],
    [1, L.LOW],
    [9, L.LOW],
    [10, L.MEDIUM],
    [99, L.MEDIUM],
    [100, L.HIGH],
  ])('score %i is %s', (score, level) => {
    expect(riskLevelOfScore(score)).toBe(level);
  });
});
