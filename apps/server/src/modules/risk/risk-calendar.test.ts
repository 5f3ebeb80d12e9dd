import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import type { Staff } from '../staff/staff.entity.js';
import { riskFixtures, riskThroughApi } from './risk.fixtures.js';
import { refreshRiskAssessments } from './risk.refresh.js';

// Days past due and days since the last review count on the business calendar: a day ends at midnight in
// Beijing (16:00 UTC), not at midnight UTC. Each case evaluates one customer at one instant.

const db = await testDatabase({ clock: fixedClock('2026-12-31T16:30:00Z') });
const fx = riskFixtures(db.orm);

let viewer: Staff;
beforeAll(async () => {
  viewer = await fx.build.staff({}, StaffRole.ADMIN);
});

/** The customer's signals as [level, message] after a refresh at `at`. */
async function signalsAt(at: string, customer: { id: string }) {
  await refreshRiskAssessments(db.orm.em.fork(), [customer.id], { clock: fixedClock(at) });
  return (await riskThroughApi(db, viewer, customer))?.signals.map((s) => [s.level, s.message]);
}

const overdue = (level: string, days: number) => [
  [level, `Overdue receivables of 10.00, oldest ${days} days past due`],
];

describe('days past due', () => {
  it.each([
    ['2026-12-31', '2026-12-31T15:59:59Z', []],
    ['2026-12-31', '2026-12-31T16:00:00Z', overdue('MEDIUM', 1)],
    ['2027-05-31', '2027-05-31T15:59:59Z', []],
    ['2027-05-31', '2027-05-31T23:59:00Z', overdue('MEDIUM', 1)],
    // More than 90 days past due is HIGH: 2 March to 1 June is 91 days.
    ['2027-03-02', '2027-05-31T15:59:59Z', overdue('MEDIUM', 90)],
    ['2027-03-02', '2027-05-31T16:00:00Z', overdue('HIGH', 91)],
  ])('an unpaid order due %s, at %s: %j', async (dueDate, at, signals) => {
    const customer = await fx.build.customer({ reviewedAt: new Date(at) });
    await fx.order(customer, { total: '10.00', orderedAt: dueDate, dueDate });
    expect(await signalsAt(at, customer)).toEqual(signals);
  });
});

describe('days since the last review', () => {
  // 00:30 on 2 November in Beijing, still 1 November in UTC: the review happened on 2 November.
  const reviewedAt = new Date('2026-11-01T16:30:00Z');

  it.each([
    ['2027-01-01T15:59:59Z', []],
    ['2027-01-01T16:00:00Z', [['LOW', 'Dossier not reviewed for 61 days (last review 2026-11-02)']]],
  ])('a dossier reviewed at 2026-11-01T16:30:00Z, at %s: %j', async (at, signals) => {
    const customer = await fx.build.customer({ reviewedAt });
    expect(await signalsAt(at, customer)).toEqual(signals);
  });
});
