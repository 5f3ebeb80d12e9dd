import {
  AbcClass as A,
  assessRisk,
  RiskLevel as L,
  type Locale,
  RiskCode as R,
  type RiskFacts,
  RelationshipState as S,
  StaffRole,
} from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import { calm, ON_TODAY, riskFixtures, riskThroughApi, shiftDays, TODAY } from './risk.fixtures.js';
import { refreshRiskAssessments } from './risk.refresh.js';
import { riskView } from './risk.types.js';

const db = await testDatabase({ clock: ON_TODAY });
const fx = riskFixtures(db.orm);

let viewer: Staff;
beforeAll(async () => {
  viewer = await fx.build.staff({}, StaffRole.ADMIN);
  await fx.snapshotPeriod();
});

const riskOf = (customer: Customer, locale: Locale = 'en') => riskThroughApi(db, viewer, customer, locale);

/** What the pure rule says for these facts, as the API shows it. */
const expected = (facts: RiskFacts, locale: Locale = 'en') => {
  const { level, score, signals } = riskView(assessRisk(facts), locale);
  return { level, score, signals: signals.map(({ code, level, message }) => ({ code, level, message })) };
};

const dm = (name: string, best: S) => ({ name, best });
const past = (days: number) => shiftDays(TODAY, -days);

// For each rule, data that makes it fire and data that keeps it silent; the SQL must say what the pure rule says.
const cases: Array<[string, Partial<RiskFacts>, Array<[R, L]>]> = [
  [
    'OVERDUE_RECEIVABLE fires HIGH past 90 days',
    { overdueCents: 1_250_000n, oldestDaysPastDue: 95, openCents: 1_250_000n },
    [[R.OVERDUE_RECEIVABLE, L.HIGH]],
  ],
  [
    'OVERDUE_RECEIVABLE fires MEDIUM at 90 days',
    { overdueCents: 5_000n, oldestDaysPastDue: 90, openCents: 9_000n },
    [[R.OVERDUE_RECEIVABLE, L.MEDIUM]],
  ],
  ['OVERDUE_RECEIVABLE silent: open, due today', { openCents: 5_000n }, []],
  [
    'CREDIT_LIMIT_EXCEEDED fires above the limit',
    { openCents: 60_000n, creditLimitCents: 50_000n },
    [[R.CREDIT_LIMIT_EXCEEDED, L.HIGH]],
  ],
  ['CREDIT_LIMIT_EXCEEDED silent at the limit', { openCents: 50_000n, creditLimitCents: 50_000n }, []],
  [
    'CREDIT_REPORT_EXPIRED fires the day after validity',
    { creditReportValidUntil: past(1) },
    [[R.CREDIT_REPORT_EXPIRED, L.MEDIUM]],
  ],
  [
    'CREDIT_REPORT_EXPIRED fires for an A customer without report',
    { abcClass: A.A, previousAbcClass: A.A },
    [[R.CREDIT_REPORT_EXPIRED, L.MEDIUM]],
  ],
  ['CREDIT_REPORT_EXPIRED silent on its last valid day', { creditReportValidUntil: TODAY }, []],
  [
    'CREDIT_REPORT_EXPIRED silent for a B customer without report',
    { abcClass: A.B, previousAbcClass: A.B },
    [],
  ],
  [
    'REVENUE_DECLINE fires at 30%',
    { revenueCents: 70_000n, previousRevenueCents: 100_000n },
    [[R.REVENUE_DECLINE, L.MEDIUM]],
  ],
  [
    'REVENUE_DECLINE fires HIGH for an A customer',
    {
      abcClass: A.A,
      previousAbcClass: A.A,
      creditReportValidUntil: TODAY,
      revenueCents: 1n,
      previousRevenueCents: 100n,
    },
    [[R.REVENUE_DECLINE, L.HIGH]],
  ],
  ['REVENUE_DECLINE silent at 29.99%', { revenueCents: 70_001n, previousRevenueCents: 100_000n }, []],
  [
    'ABC_DOWNGRADE fires MEDIUM from A',
    { abcClass: A.B, previousAbcClass: A.A },
    [[R.ABC_DOWNGRADE, L.MEDIUM]],
  ],
  ['ABC_DOWNGRADE fires LOW from B', { abcClass: A.C, previousAbcClass: A.B }, [[R.ABC_DOWNGRADE, L.LOW]]],
  ['ABC_DOWNGRADE silent when rising', { abcClass: A.B, previousAbcClass: A.C }, []],
  [
    'NEGATIVE_DECISION_MAKER fires (and the person is uncovered)',
    { decisionMakers: [dm('王总', S.NEGATIVE), dm('李总', S.POSITIVE)] },
    [
      [R.NEGATIVE_DECISION_MAKER, L.HIGH],
      [R.UNCOVERED_DECISION_MAKER, L.MEDIUM],
    ],
  ],
  [
    'NEGATIVE_DECISION_MAKER silent on NEUTRAL',
    { decisionMakers: [dm('Zhao', S.NEUTRAL), dm('Li', S.NONE)] },
    [[R.UNCOVERED_DECISION_MAKER, L.MEDIUM]],
  ],
  ['UNCOVERED_DECISION_MAKER silent when POSITIVE', { decisionMakers: [dm('Wu', S.POSITIVE)] }, []],
  ['STALE_DOSSIER fires after 61 days', { reviewedOn: past(61) }, [[R.STALE_DOSSIER, L.LOW]]],
  [
    'STALE_DOSSIER fires MEDIUM for an A customer never reviewed',
    {
      abcClass: A.A,
      previousAbcClass: A.A,
      creditReportValidUntil: TODAY,
      reviewedOn: null,
      openedOn: past(100),
    },
    [[R.STALE_DOSSIER, L.MEDIUM]],
  ],
  ['STALE_DOSSIER silent at 60 days', { reviewedOn: past(60) }, []],
  ['STALE_DOSSIER silent for a dossier opened 60 days ago', { reviewedOn: null, openedOn: past(60) }, []],
  [
    'COMPLAINT_UNRESOLVED fires for a complaint open 8 days',
    { openComplaintsReceivedOn: [past(8), past(2)] },
    [[R.COMPLAINT_UNRESOLVED, L.MEDIUM]],
  ],
  [
    'COMPLAINT_UNRESOLVED fires HIGH for an A customer',
    {
      abcClass: A.A,
      previousAbcClass: A.A,
      creditReportValidUntil: TODAY,
      openComplaintsReceivedOn: [past(30), past(9)],
    },
    [[R.COMPLAINT_UNRESOLVED, L.HIGH]],
  ],
  ['COMPLAINT_UNRESOLVED silent at 7 days', { openComplaintsReceivedOn: [past(7)] }, []],
];

describe('Customer.risk after a full refresh: every rule fires and stays silent as the pure rule says', () => {
  const built = new Map<string, { customer: Customer; facts: RiskFacts }>();

  beforeAll(async () => {
    for (const [name, partial] of cases) {
      const facts = { ...calm, ...partial };
      built.set(name, { customer: await fx.customerWith(facts, viewer), facts });
    }
    await refreshRiskAssessments(db.orm.em.fork(), undefined, { clock: ON_TODAY });
  });

  it.each(cases)('%s', async (name, _facts, signals) => {
    const { customer, facts } = built.get(name) ?? {};
    if (!customer || !facts) throw new Error('not built');
    const risk = await riskOf(customer);
    expect(risk).toEqual(expected(facts));
    expect(risk?.signals.map((s) => [s.code, s.level])).toEqual(signals);
  });

  it('says it in Chinese to a zh-CN viewer', async () => {
    const { customer } = built.get('OVERDUE_RECEIVABLE fires HIGH past 90 days') ?? {};
    if (!customer) throw new Error('not built');
    expect(await riskOf(customer, 'zh-CN')).toEqual({
      level: L.HIGH,
      score: 100,
      signals: [
        { code: R.OVERDUE_RECEIVABLE, level: L.HIGH, message: '逾期应收 12,500.00 元，最长逾期 95 天' },
      ],
    });
  });

  it('says it in English to an en viewer', async () => {
    const { customer } = built.get('NEGATIVE_DECISION_MAKER fires (and the person is uncovered)') ?? {};
    if (!customer) throw new Error('not built');
    expect(await riskOf(customer, 'en')).toEqual({
      level: L.HIGH,
      score: 110,
      signals: [
        {
          code: R.NEGATIVE_DECISION_MAKER,
          level: L.HIGH,
          message: 'Decision maker on negative terms with us: 王总',
        },
        {
          code: R.UNCOVERED_DECISION_MAKER,
          level: L.MEDIUM,
          message: 'Decision maker without a positive relationship with our active staff: 王总',
        },
      ],
    });
  });
});
