import {
  type CoverageRelationship,
  type CoverageRole,
  DecisionRole as D,
  InfluenceLevel as I,
  RiskLevel as L,
  negativeDecisionMakers,
  RiskCode as R,
  RelationshipState as S,
  StaffRole,
  uncoveredDecisionMakers,
} from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import { ON_TODAY, PERIOD_FROM, riskFixtures, riskThroughApi, shiftDays, TODAY } from './risk.fixtures.js';
import { refreshRiskAssessments } from './risk.refresh.js';

// How the SQL gathers each fact from the dossier and trade tables: the cases the pure rule abstracts away.

const db = await testDatabase({ clock: ON_TODAY });
const fx = riskFixtures(db.orm);
const past = (days: number) => shiftDays(TODAY, -days);

let viewer: Staff;
beforeAll(async () => {
  viewer = await fx.build.staff({}, StaffRole.ADMIN);
  await fx.snapshotPeriod();
});

const reviewed = { reviewedAt: new Date(`${TODAY}T08:00:00Z`) };
const refresh = (customers: Customer[]) =>
  refreshRiskAssessments(
    db.orm.em.fork(),
    customers.map((c) => c.id),
    { clock: ON_TODAY },
  );
const signalsOf = async (customer: Customer) =>
  (await riskThroughApi(db, viewer, customer))?.signals.map((s) => [s.code, s.level, s.message]);

describe('receivables', () => {
  async function withOrders(creditLimit: string) {
    const customer = await fx.build.customer({ ...reviewed, creditLimit });
    await fx.order(customer, { total: '300.00', paid: '300.00', orderedAt: past(200), dueDate: past(200) });
    await fx.order(customer, { total: '500.00', paid: '200.00', orderedAt: past(60), dueDate: past(40) });
    await fx.order(customer, { total: '250.00', orderedAt: past(10), dueDate: null });
    await fx.order(customer, { total: '100.00', orderedAt: past(5), dueDate: TODAY });
    await fx.order(customer, { total: '120.50', paid: '20.50', orderedAt: past(130), dueDate: past(100) });
    return customer;
  }

  it('sums what is unpaid past the due date, and dates it by the oldest such order', async () => {
    const customer = await withOrders('1000.00');
    await refresh([customer]);
    // 300.00 + 100.00 overdue; paid orders, orders without a due date and orders due today are not.
    expect(await signalsOf(customer)).toEqual([
      [R.OVERDUE_RECEIVABLE, L.HIGH, 'Overdue receivables of 400.00, oldest 100 days past due'],
    ]);
  });

  it('compares everything unpaid, due or not, with the credit limit', async () => {
    const customer = await withOrders('700.00');
    await refresh([customer]);
    expect(await signalsOf(customer)).toEqual([
      [R.OVERDUE_RECEIVABLE, L.HIGH, 'Overdue receivables of 400.00, oldest 100 days past due'],
      [R.CREDIT_LIMIT_EXCEEDED, L.HIGH, 'Open amount of 750.00 exceeds the credit limit of 700.00'],
    ]);
  });
});

describe('credit reports', () => {
  it('reads the latest report, not the one valid longest', async () => {
    const customer = await fx.build.customer(reviewed);
    await fx.creditReport(customer, past(300), shiftDays(TODAY, 30));
    await fx.creditReport(customer, past(100), past(5));
    await refresh([customer]);
    expect(await signalsOf(customer)).toEqual([
      [R.CREDIT_REPORT_EXPIRED, L.MEDIUM, `Credit report expired: valid until ${past(5)}`],
    ]);
  });

  it('is satisfied by a new report after an expired one', async () => {
    const customer = await fx.build.customer(reviewed);
    await fx.creditReport(customer, past(400), past(200));
    await fx.creditReport(customer, past(30), shiftDays(TODAY, 60));
    await refresh([customer]);
    expect(await signalsOf(customer)).toEqual([]);
  });
});

describe('revenue of the previous period', () => {
  it('is the 365 days before the snapshot period, bounds included', async () => {
    const customer = await fx.build.customer(reviewed);
    const paid = (total: string, orderedAt: string) => fx.order(customer, { total, paid: total, orderedAt });
    await paid('100.00', shiftDays(PERIOD_FROM, -1));
    await paid('10.00', shiftDays(PERIOD_FROM, -365));
    await paid('1000.00', shiftDays(PERIOD_FROM, -366));
    await paid('5.00', PERIOD_FROM);
    await refresh([customer]);
    // The current revenue is the snapshot's (0.00 here: the refresh of abc_grade is not under test).
    expect(await signalsOf(customer)).toEqual([
      [R.REVENUE_DECLINE, L.MEDIUM, 'Revenue fell 100% against the previous period, from 110.00 to 0.00'],
    ]);
  });
});

describe('decision makers', () => {
  it('are judged as coverage.ts judges them', async () => {
    const customer = await fx.build.customer(reviewed);
    const departed = await fx.build.staff({ active: false });
    const colleague = await fx.build.staff();
    const project = await fx.build.project(customer);
    const people = {
      chen: await fx.build.keyPerson(customer, { name: 'Chen' }),
      // A placeholder: named by its title, and a gap whatever was recorded against the role.
      director: await fx.build.keyPerson(customer, { name: null, title: 'Director' }),
      feng: await fx.build.keyPerson(customer, { name: 'Feng' }),
      gao: await fx.build.keyPerson(customer, { name: 'Gao' }),
      he: await fx.build.keyPerson(customer, { name: 'He', active: false }),
      jin: await fx.build.keyPerson(customer, { name: 'Jin' }),
      kong: await fx.build.keyPerson(customer, { name: 'Kong' }),
    };
    const roles: Array<[keyof typeof people, D, I, boolean]> = [
      ['chen', D.DECISION_MAKER, I.LOW, false],
      ['director', D.ECONOMIC_BUYER, I.MEDIUM, true],
      ['feng', D.INFLUENCER, I.HIGH, false],
      ['gao', D.ECONOMIC_BUYER, I.LOW, true],
      ['he', D.DECISION_MAKER, I.HIGH, false],
      ['jin', D.USER_BUYER, I.MEDIUM, false],
      ['kong', D.DECISION_MAKER, I.MEDIUM, true],
      ['kong', D.COACH, I.LOW, false],
    ];
    const links: Array<[keyof typeof people, Staff, S]> = [
      ['chen', departed, S.POSITIVE],
      ['director', viewer, S.POSITIVE],
      ['director', colleague, S.NEGATIVE],
      ['feng', viewer, S.NEGATIVE],
      ['feng', colleague, S.NEUTRAL],
      ['gao', viewer, S.NEGATIVE],
      ['gao', departed, S.POSITIVE],
      ['he', viewer, S.NEGATIVE],
      ['jin', viewer, S.NEGATIVE],
      ['kong', colleague, S.POSITIVE],
      ['kong', viewer, S.NEGATIVE],
    ];
    for (const [who, role, influence, inProject] of roles) {
      await fx.build.role(people[who], role, influence, inProject ? project : null);
    }
    for (const [who, staff, state] of links) await fx.build.relationship(people[who], staff, state);
    await refresh([customer]);

    const persons = Object.values(people).map((p) => ({
      id: p.id,
      active: p.active,
      placeholder: p.isPlaceholder,
      name: p.displayName,
    }));
    const coverageRoles: CoverageRole[] = roles.map(([who, role, influence]) => ({
      keyPersonId: people[who].id,
      role,
      influence,
    }));
    const coverageLinks: CoverageRelationship[] = links.map(([who, staff, state]) => ({
      keyPersonId: people[who].id,
      staffActive: staff.active,
      state,
    }));
    const names = (found: Array<{ name: string }>) => found.map((p) => p.name).join(', ');
    const negative = names(negativeDecisionMakers(persons, coverageRoles, coverageLinks));
    const uncovered = names(uncoveredDecisionMakers(persons, coverageRoles, coverageLinks));
    expect([negative, uncovered]).toEqual(['Gao', 'Chen, Director, Feng, Gao']);
    expect(await signalsOf(customer)).toEqual([
      [R.NEGATIVE_DECISION_MAKER, L.HIGH, `Decision maker on negative terms with us: ${negative}`],
      [
        R.UNCOVERED_DECISION_MAKER,
        L.MEDIUM,
        `4 decision makers without a positive relationship with our active staff: ${uncovered}`,
      ],
    ]);
  });
});
