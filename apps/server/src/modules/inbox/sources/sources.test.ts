import { RelationshipState } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../../test/builders.js';
import { testDatabase } from '../../../../test/harness.js';
import { fixedClock } from '../../../core/clock/clock.js';
import { toGlobalId } from '../../../core/graphql/global-id.js';
import type { Customer } from '../../customer/customer.entity.js';
import { Staff } from '../../staff/staff.entity.js';
import { inboxWorld } from '../inbox.fixtures.js';
import type { ReminderSource } from '../reminder-source.js';
import { complaintOpenSource } from './complaint-open.source.js';
import { coverageGapSource } from './coverage-gap.source.js';
import { creditReportExpiredSource, creditReportExpiringSource } from './credit-report.source.js';
import { loanDueSource } from './loan-due.source.js';
import { reviewDueSource } from './review-due.source.js';

// Each source's rule at its edges, on one small world, for the day 2027-03-03 (Beijing): who gets which
// draft, with which key, due day, words and link — and who gets none.
const DAY = '2027-03-03';
const clock = fixedClock('2027-03-03T01:00:00Z');
const db = await testDatabase({ clock });
const build = builders(db.orm);
const world = inboxWorld(db.orm);

let owner: Staff;
let handler: Staff;
let leaver: Staff;
const c: Record<string, Customer> = {};

beforeAll(async () => {
  owner = await build.staff({ name: '王销售' });
  handler = await build.staff({ name: '客服李' });
  leaver = await build.staff({ name: '已离职', active: false });
  const of = (name: string, who: Staff = owner, extra: Partial<Customer> = {}) =>
    build.customer({ name, owner: build.ref(Staff, who), ...extra });
  // reviews: 61 days ago (due), 60 days ago (not yet), 61 days ago but its owner left (nobody to tell)
  c.stale = await of('甲', owner, { reviewedAt: new Date('2027-01-01T02:00:00Z') });
  c.fresh = await of('乙', owner, { reviewedAt: new Date('2027-01-02T02:00:00Z') });
  c.orphan = await of('丙', leaver, { reviewedAt: new Date('2027-01-01T02:00:00Z') });
  // credit reports: ends in 30 days, in 31 days, ended yesterday; a newer report replaces an expired one
  await world.creditReport(c.stale.id, '2026-04-02', '2027-04-02');
  await world.creditReport(c.fresh.id, '2026-04-03', '2027-04-03');
  c.expired = await of('丁');
  await world.creditReport(c.expired.id, '2026-03-02', '2027-03-02');
  await world.creditReport(c.orphan.id, '2026-03-01', '2027-03-01');
  await world.creditReport(c.orphan.id, '2027-03-01', '2028-03-01');
  // complaints: 8 days old with a handler, 8 days without one, 7 days (within the setting)
  await world.complaint(c.expired.id, '2027-02-23T02:00:00Z', handler.id);
  await world.complaint(c.fresh.id, '2027-02-23T02:00:00Z');
  await world.complaint(c.stale.id, '2027-02-24T02:00:00Z', handler.id);
  // loans: due the day after tomorrow, overdue since yesterday, due in three days, returned
  await world.loan(c.stale.id, handler.id, '合同A', '2027-03-05T08:00:00Z');
  await world.loan(c.stale.id, owner.id, '合同B', '2027-03-02T08:00:00Z');
  await world.loan(c.stale.id, owner.id, '合同C', '2027-03-06T08:00:00Z');
  const returned = await world.loan(c.stale.id, owner.id, '合同D', '2027-03-02T08:00:00Z');
  await world.returnLoan(returned, '2027-03-02T07:00:00Z');
  // coverage: an A customer with one uncovered decision maker, a B customer with one, an A one covered
  for (const [name, grade, state] of [
    ['戊', 'A', RelationshipState.NEUTRAL],
    ['己', 'B', RelationshipState.NEUTRAL],
    ['庚', 'A', RelationshipState.POSITIVE],
  ] as const) {
    c[name] = await of(name);
    await world.grade(c[name].id, grade);
    const boss = await build.keyPerson(c[name], { name: `${name}总` });
    await build.role(boss);
    await build.relationship(boss, owner, state);
  }
});

const gid = (customer: Customer | undefined) => toGlobalId('Customer', customer?.id as string);

async function collect(source: ReminderSource) {
  const names = new Map([owner, handler, leaver].map((s) => [s.id, s.name]));
  const drafts = await source.collect(db.orm.em.fork(), DAY, clock);
  return drafts
    .map((d) => ({ to: names.get(d.recipientId), dueOn: d.dueOn, params: d.params, link: d.link }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('the reminder sources on 2027-03-03', () => {
  it('REVIEW_DUE: a dossier reviewed more than 60 days ago, to its active owner', async () => {
    expect(await collect(reviewDueSource)).toEqual([
      {
        to: '王销售',
        dueOn: '2027-03-03',
        params: { customer: '甲', days: 61 },
        link: `/customers/${gid(c.stale)}/basic`,
      },
    ]);
  });

  it('CREDIT_REPORT_EXPIRING: the latest report ending within 30 days', async () => {
    expect(await collect(creditReportExpiringSource)).toEqual([
      {
        to: '王销售',
        dueOn: '2027-04-02',
        params: { customer: '甲', validUntil: '2027-04-02', days: 30 },
        link: `/customers/${gid(c.stale)}/credit`,
      },
    ]);
  });

  it('CREDIT_REPORT_EXPIRED: the latest report ended, not one a newer report replaced', async () => {
    expect(await collect(creditReportExpiredSource)).toEqual([
      {
        to: '王销售',
        dueOn: '2027-03-02',
        params: { customer: '丁', validUntil: '2027-03-02', days: 1 },
        link: `/customers/${gid(c.expired)}/credit`,
      },
    ]);
  });

  it('COMPLAINT_OPEN: open longer than 7 days, to its handler or else the owner', async () => {
    expect(
      (await collect(complaintOpenSource)).map((d) => [d.to, d.params.customer, d.params.days, d.dueOn]),
    ).toEqual([
      ['客服李', '丁', 8, '2027-03-03'],
      ['王销售', '乙', 8, '2027-03-03'],
    ]);
  });

  it('LOAN_DUE: due back within 2 days or overdue, to the borrower', async () => {
    expect(
      (await collect(loanDueSource)).map((d) => [d.to, d.params.document, d.params.days, d.link]),
    ).toEqual([
      ['客服李', '合同A', 2, '/loans'],
      ['王销售', '合同B', -1, '/loans'],
    ]);
  });

  it('COVERAGE_GAP: an A customer with an uncovered decision maker, to its owner', async () => {
    expect(await collect(coverageGapSource)).toEqual([
      {
        to: '王销售',
        dueOn: DAY,
        params: { customer: '戊', names: '戊总' },
        link: `/customers/${gid(c.戊)}/map`,
      },
    ]);
  });
});
