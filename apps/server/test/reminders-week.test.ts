import { RelationshipState, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/core/clock/clock.js';
import { loadEnv } from '../src/core/env.js';
import { toGlobalId } from '../src/core/graphql/global-id.js';
import { runDueJobs } from '../src/core/jobs/job-runner.js';
import { createLogger } from '../src/core/logger.js';
import { DossierMetrics } from '../src/core/metrics/metrics.js';
import { scheduledJobsFor } from '../src/jobs.registry.js';
import type { Customer } from '../src/modules/customer/customer.entity.js';
import { inboxWorld } from '../src/modules/inbox/inbox.fixtures.js';
import type { KeyPerson } from '../src/modules/key-person/key-person.entity.js';
import { KeyPersonProfile } from '../src/modules/key-person/key-person-profile.embeddable.js';
import { Staff } from '../src/modules/staff/staff.entity.js';
import { weeklyCheckWorld } from '../src/modules/weekly-check/weekly-check.fixtures.js';
import { builders } from './builders.js';
import { testDatabase } from './harness.js';

// Issue 14, acceptance 1: a week of days (Thursday 2027-09-09 to Wednesday 09-15, Beijing time, the
// Mid-Autumn festival falling on 09-15) runs hour by hour through the production job list, as the server
// runs it. Each reminder appears on its day for the right person, once; what settles by its cause going
// away closes on that day; a departed rep gets nothing.
const db = await testDatabase({ clock: fixedClock('2027-09-01T02:00:00Z') });
const build = builders(db.orm);
const facts = inboxWorld(db.orm);
// The production job list, as a server with its jobs on runs it.
const env = loadEnv({ NODE_ENV: 'test', DOSSIER_JOBS: 'on' });
const log = createLogger(env);
const metrics = new DossierMetrics(db.orm, log);
const { POSITIVE, NEUTRAL, NEGATIVE } = RelationshipState;

let people: Awaited<ReturnType<typeof weeklyCheckWorld>>;
let departed: Staff;
const customers: Record<string, Customer> = {};
const persons: Record<string, KeyPerson> = {};
let complaintId: string;
const birthday = (monthDay: string) => Object.assign(new KeyPersonProfile(), { birthday: monthDay });

beforeAll(async () => {
  // 王经理 with his reps 李明 and 张伟; 赵经理 with 陈静; an admin and an analyst (the weekly check's world).
  people = await weeklyCheckWorld(db);
  const { manager, li, zhang } = people;
  // An archivist: the week holds no archive inspection, so nothing for them either.
  await build.staff({ name: '档案员' }, StaffRole.ARCHIVIST);
  departed = await build.staff({ name: '离职员工', manager: build.ref(Staff, manager), active: false });
  const of = (owner: Staff, name: string, extra: Partial<Customer> = {}) =>
    build.customer({ name, owner: build.ref(Staff, owner), ...extra });

  // last reviewed 2027-07-12: 60 days later, 09-10, it is due again
  customers.review = await of(li, '审阅客户', { reviewedAt: new Date('2027-07-12T02:00:00Z') });
  customers.credit = await of(li, '信用客户');
  await facts.creditReport(customers.credit.id, '2026-10-12', '2027-10-12');
  customers.complaint = await of(li, '投诉客户');
  complaintId = await facts.complaint(customers.complaint.id, '2027-09-03T02:00:00Z', zhang.id);
  customers.loan = await of(li, '借阅客户');
  await facts.loan(customers.loan.id, li.id, '年度框架合同', '2027-09-12T08:00:00Z');
  customers.gap = await of(li, '覆盖缺口客户');
  await facts.grade(customers.gap.id, 'A');
  persons.qian = await build.keyPerson(customers.gap, { name: '钱总' });
  await build.role(persons.qian);
  await build.relationship(persons.qian, li, NEUTRAL);
  customers.risk = await of(li, '风险客户');
  // founded 2008-09-16: the 19th anniversary falls in the week
  customers.care = await of(li, '华东电力设计院', { foundedOn: '2008-09-16' });
  persons.zhou = await build.keyPerson(customers.care, { name: '周总', profile: birthday('09-14') });
  for (const [staff, state] of [
    [li, POSITIVE],
    [manager, NEUTRAL],
    [zhang, NEGATIVE],
    [departed, POSITIVE],
  ] as const) {
    await build.relationship(persons.zhou, staff, state);
  }
  // The departed rep's book, still theirs until the handover on 09-14: overdue for review, and founded in the week.
  customers.handed = await of(departed, '江南化工', {
    reviewedAt: new Date('2027-05-01T02:00:00Z'),
    foundedOn: '2015-09-14',
  });
  persons.zhao = await build.keyPerson(customers.handed, { name: '赵总' });
  persons.sun = await build.keyPerson(customers.handed, { name: '孙工' });
  await build.relationship(persons.zhao, departed, POSITIVE);
  // 张伟's change on Tuesday 09-07, for the manager's Monday list of 09-13.
  customers.changed = await of(zhang, '变更客户');
  await people.changeAddress(zhang, customers.changed, '2027-09-07T10:00:00+08:00', '上海市浦东新区');
  // The monthly report and the archive inspection of 1 September ran then: the week holds none of their slots.
  await db.orm.em.fork().execute(
    `insert into job_run (job, slot, state, instance, started_at, finished_at) values
       ('monthly_report', '2027-08-31T22:00:00Z', 'DONE', 'before', '2027-08-31T22:00:00Z', '2027-08-31T22:01:00Z'),
       ('archive_inspection', '2027-08-31T23:00:00Z', 'DONE', 'before', '2027-08-31T23:00:00Z', '2027-08-31T23:01:00Z')`,
  );
});

const TRANSFER =
  'mutation ($from: ID!, $to: ID!) { transferCustomers(fromStaffId: $from, toStaffId: $to) { customers } }';
const SET_STATE =
  'mutation ($input: SetRelationshipStateInput!) { setRelationshipState(input: $input) { state } }';

/** What changes in the world on a day, between its 09:00 and 10:00 passes (Beijing). */
const EVENTS: Record<string, (at: string) => Promise<unknown>> = {
  // a decision maker turns against 李明: a HIGH risk signal
  '2027-09-10': async () => {
    const boss = await build.keyPerson(customers.risk as Customer, { name: '孙总' });
    await build.role(boss);
    await build.relationship(boss, people.li, NEGATIVE);
  },
  // the complaint is closed: its reminder settles that day
  '2027-09-13': (at) => facts.closeComplaint(complaintId, at),
  // the admin hands the departed rep's book to 张伟
  '2027-09-14': async (at) => {
    const result = await db.execute(
      TRANSFER,
      { from: toGlobalId('Staff', departed.id), to: toGlobalId('Staff', people.zhang.id) },
      { viewer: people.admin, clock: fixedClock(at) },
    );
    expect(result.errors).toBeUndefined();
  },
  // 张伟 records how he stands with both key persons: the introduction settles that day
  '2027-09-15': async (at) => {
    for (const [person, state, expectedVersion] of [
      [persons.zhao, NEUTRAL, 2],
      [persons.sun, POSITIVE, null],
    ] as const) {
      const input = {
        keyPersonId: toGlobalId('KeyPerson', (person as KeyPerson).id),
        staffId: toGlobalId('Staff', people.zhang.id),
        state,
        expectedVersion,
      };
      const result = await db.execute(SET_STATE, { input }, { viewer: people.zhang, clock: fixedClock(at) });
      expect(result.errors).toBeUndefined();
    }
  },
};

const DAYS = ['09', '10', '11', '12', '13', '14', '15'].map((d) => `2027-09-${d}`);
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

interface Row {
  kind: string;
  recipient: string;
  customer: string | null;
  due_on: string;
  appeared: string;
  done: string | null;
  params: Record<string, string | number>;
}

describe('a week of the production jobs, hour by hour', () => {
  it('delivers each reminder kind on its day to its person, once, and settles what went away', async () => {
    const jobs = scheduledJobsFor(env, log);
    const ran = new Map<string, number>();
    for (const day of DAYS) {
      for (const hour of HOURS) {
        if (hour === '10') await EVENTS[day]?.(`${day}T09:30:00+08:00`);
        const outcomes = await runDueJobs(db.orm, fixedClock(`${day}T${hour}:00:00+08:00`), jobs, {
          log,
          metrics,
          instance: 'test',
        });
        for (const outcome of outcomes) {
          expect(outcome.error).toBeNull();
          ran.set(outcome.job, (ran.get(outcome.job) ?? 0) + 1);
        }
      }
    }
    // Every hour's sweep ran once; the report and the inspection had no slot in the week.
    expect(Object.fromEntries(ran)).toEqual({ reminders: 7 * 24 });

    const rows = await db.orm.em.fork().execute<Row[]>(
      `select i.kind, s.name as recipient, c.name as customer, i.due_on::text as due_on,
              (i.created_at at time zone 'Asia/Shanghai')::date::text as appeared,
              (i.done_at at time zone 'Asia/Shanghai')::date::text as done, i.params
       from inbox_item i join staff s on s.id = i.recipient_id left join customer c on c.id = i.customer_id
       order by appeared, i.kind collate "C", s.name collate "C", c.name collate "C"`,
    );
    const zhou = { keyPerson: '周总', customer: '华东电力设计院', date: '2027-09-14', days: 3 };
    const midAutumn = { festival: 'MID_AUTUMN', date: '2027-09-15' };
    expect(rows).toEqual([
      // Thursday 09-09, the first sweep: what was already due
      item('COVERAGE_GAP', '李明', '覆盖缺口客户', '2027-09-09', '2027-09-09', null, { names: '钱总' }),
      // Friday 09-10: the loan due back in 2 days; the decision maker turned NEGATIVE that morning
      item('LOAN_DUE', '李明', '借阅客户', '2027-09-12', '2027-09-10', null, {
        days: 2,
        document: '年度框架合同',
        dueOn: '2027-09-12',
      }),
      item('RISK_HIGH', '李明', '风险客户', '2027-09-10', '2027-09-10', null, {
        code: 'NEGATIVE_DECISION_MAKER',
        signalEn: 'Decision maker on negative terms with us: 孙总',
        signalZh: '决策者与我方关系消极：孙总',
      }),
      // Saturday 09-11: 周总's birthday 3 days ahead, to those on POSITIVE or NEUTRAL terms (not 张伟, NEGATIVE;
      // not the departed rep); the complaint of 09-03 past its age, to its handler, closed on Monday
      item('BIRTHDAY', '李明', '华东电力设计院', '2027-09-14', '2027-09-11', null, zhou),
      item('BIRTHDAY', '王经理', '华东电力设计院', '2027-09-14', '2027-09-11', null, zhou),
      item('COMPLAINT_OPEN', '张伟', '投诉客户', '2027-09-11', '2027-09-11', '2027-09-13', { days: 8 }),
      item('REVIEW_DUE', '李明', '审阅客户', '2027-09-11', '2027-09-11', null, { days: 61 }),
      // Sunday 09-12: the credit report 30 days before it expires; the Mid-Autumn festival, 3 days ahead
      item('CREDIT_REPORT_EXPIRING', '李明', '信用客户', '2027-10-12', '2027-09-12', null, {
        days: 30,
        validUntil: '2027-10-12',
      }),
      festival('李明', '2027-09-12', { ...midAutumn, days: 3, count: 2, names: '周总、钱总' }),
      festival('王经理', '2027-09-12', { ...midAutumn, days: 3, count: 1, names: '周总' }),
      // Monday 09-13: the founding anniversary 3 days ahead; the manager's weekly check of 张伟's Tuesday change
      item('FOUNDING_ANNIVERSARY', '李明', '华东电力设计院', '2027-09-16', '2027-09-13', null, {
        date: '2027-09-16',
        days: 3,
        years: 19,
      }),
      aboutNoCustomer('WEEKLY_CHECK', '王经理', '2027-09-13', '2027-09-13', {
        weekStart: '2027-09-06',
        count: 1,
      }),
      // Tuesday 09-14, after the handover: 张伟 takes over what the departed rep was never told of, and the
      // introductions, done the next day when he recorded how he stands with both key persons
      festival('张伟', '2027-09-14', { ...midAutumn, days: 1, count: 1, names: '赵总' }),
      item('FOUNDING_ANNIVERSARY', '张伟', '江南化工', '2027-09-14', '2027-09-14', null, {
        date: '2027-09-14',
        days: 0,
        years: 12,
      }),
      item('HANDOVER_INTRODUCTION', '张伟', '江南化工', '2027-09-14', '2027-09-14', '2027-09-15', {
        count: 2,
        names: '孙工、赵总',
      }),
      item('REVIEW_DUE', '张伟', '江南化工', '2027-07-01', '2027-09-14', null, { days: 136 }),
    ]);

    // Never delivered twice: one item per (recipient, kind, key), and the departed rep has none.
    const [counts] = await db.orm.em
      .fork()
      .execute<Array<{ items: number; distinct: number; departed: number }>>(
        `select count(*)::int as items, count(distinct (recipient_id, kind, key))::int as distinct,
              count(*) filter (where recipient_id = ?)::int as departed
       from inbox_item`,
        [departed.id],
      );
    expect(counts).toEqual({ items: rows.length, distinct: rows.length, departed: 0 });
  }, 120_000);
});

function item(
  kind: string,
  recipient: string,
  customer: string,
  dueOn: string,
  appeared: string,
  done: string | null,
  params: Row['params'],
): Row {
  return { kind, recipient, customer, due_on: dueOn, appeared, done, params: { customer, ...params } };
}

/** An item about no one customer (the festival greetings, the weekly check). */
function aboutNoCustomer(
  kind: string,
  recipient: string,
  dueOn: string,
  appeared: string,
  params: Row['params'],
): Row {
  return { kind, recipient, customer: null, due_on: dueOn, appeared, done: null, params };
}

const festival = (recipient: string, appeared: string, params: Row['params']) =>
  aboutNoCustomer('FESTIVAL', recipient, '2027-09-15', appeared, params);
