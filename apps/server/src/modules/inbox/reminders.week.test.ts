import { RelationshipState } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { inboxWorld } from './inbox.fixtures.js';
import { dossierSources } from './reminder-sources.js';
import { sweepReminders } from './reminders.job.js';

// Acceptance 1 for the inbox's kinds: a week of days (Monday 2027-03-01 to Sunday 03-07, Beijing time) runs
// through the hourly sweep; each reminder appears on its day for the right person, once, and settles
// when its cause goes away.
const db = await testDatabase({ clock: fixedClock('2027-02-28T16:00:00Z') });
const build = builders(db.orm);
const world = inboxWorld(db.orm);

let owner: Staff;
let handler: Staff;
let borrower: Staff;
const customers: Record<string, Customer> = {};
let complaintId: string;
let loanId: string;

beforeAll(async () => {
  owner = await build.staff({ name: '王销售' });
  handler = await build.staff({ name: '客服李' });
  borrower = await build.staff({ name: '借阅人赵' });
  const mine = (name: string, extra: Partial<Customer> = {}) =>
    build.customer({ name, owner: build.ref(Staff, owner), ...extra });
  // last reviewed 2027-01-01 (Beijing): 61 days old, so overdue, on 03-03
  customers.review = await mine('审阅客户', { reviewedAt: new Date('2027-01-01T02:00:00Z') });
  customers.expiring = await mine('将到期客户');
  await world.creditReport(customers.expiring.id, '2026-04-03', '2027-04-03');
  customers.expired = await mine('已过期客户');
  await world.creditReport(customers.expired.id, '2026-03-04', '2027-03-04');
  customers.complaint = await mine('投诉客户');
  complaintId = await world.complaint(customers.complaint.id, '2027-02-23T02:00:00Z', handler.id);
  customers.loan = await mine('借阅客户');
  loanId = await world.loan(customers.loan.id, borrower.id, '年度框架合同', '2027-03-06T08:00:00Z');
  customers.gap = await mine('覆盖缺口客户');
  await world.grade(customers.gap.id, 'A');
  const buyer = await build.keyPerson(customers.gap, { name: '钱总' });
  await build.role(buyer);
  await build.relationship(buyer, owner, RelationshipState.NEUTRAL);
  customers.risk = await mine('风险客户');
});

/** What changes in the world on a day, before that day's sweeps. */
const EVENTS: Record<string, () => Promise<unknown>> = {
  // a decision maker turns against us: a HIGH risk signal (NEGATIVE_DECISION_MAKER)
  '2027-03-02': async () => {
    const boss = await build.keyPerson(customers.risk as Customer, { name: '孙总' });
    await build.role(boss);
    await build.relationship(boss, owner, RelationshipState.NEGATIVE);
  },
  // the gap closes: the owner's relationship to the decision maker became positive
  '2027-03-04': () =>
    db.orm.em.fork().execute(
      `update relationship set state = 'POSITIVE' where key_person_id in
           (select id from key_person where customer_id = ?)`,
      [customers.gap?.id],
    ),
  '2027-03-05': async () => {
    await world.returnLoan(loanId, '2027-03-05T00:30:00Z');
    await db.orm.em
      .fork()
      .execute('update customer set reviewed_at = ? where id = ?', [
        '2027-03-05T00:30:00Z',
        customers.review?.id,
      ]);
  },
  '2027-03-06': () => world.closeComplaint(complaintId, '2027-03-06T00:30:00Z'),
};

const DAYS = ['01', '02', '03', '04', '05', '06', '07'].map((d) => `2027-03-${d}`);
// Three hourly slots a day (09:00, 10:00 and 15:00 in Beijing): the later ones find nothing new.
const SLOTS = ['01:00', '02:00', '07:00'];

interface Row {
  kind: string;
  recipient: string;
  customer: string;
  due_on: string;
  appeared: string;
  state: string;
  done: string | null;
}

describe('a week of reminder sweeps', () => {
  it('delivers each kind on its day to its person, once, and settles what went away', async () => {
    for (const day of DAYS) {
      await EVENTS[day]?.();
      for (const slot of SLOTS) {
        const at = new Date(`${day}T${slot}:00+08:00`);
        await sweepReminders(db.orm, at, fixedClock(at), dossierSources);
      }
    }
    const rows = await db.orm.em.fork().execute<Row[]>(
      `select i.kind, s.name as recipient, c.name as customer, i.due_on::text as due_on,
              (i.created_at at time zone 'Asia/Shanghai')::date::text as appeared, i.state,
              (i.done_at at time zone 'Asia/Shanghai')::date::text as done
       from inbox_item i join staff s on s.id = i.recipient_id left join customer c on c.id = i.customer_id
       order by appeared, kind collate "C"`,
    );
    expect(rows).toEqual([
      row('COVERAGE_GAP', '王销售', '覆盖缺口客户', '2027-03-01', '2027-03-01', '2027-03-04'),
      row('CREDIT_REPORT_EXPIRING', '王销售', '已过期客户', '2027-03-04', '2027-03-01', '2027-03-05'),
      row('RISK_HIGH', '王销售', '风险客户', '2027-03-02', '2027-03-02', null),
      row('COMPLAINT_OPEN', '客服李', '投诉客户', '2027-03-03', '2027-03-03', '2027-03-06'),
      row('REVIEW_DUE', '王销售', '审阅客户', '2027-03-03', '2027-03-03', '2027-03-05'),
      row('CREDIT_REPORT_EXPIRING', '王销售', '将到期客户', '2027-04-03', '2027-03-04', null),
      row('LOAN_DUE', '借阅人赵', '借阅客户', '2027-03-06', '2027-03-04', '2027-03-05'),
      row('CREDIT_REPORT_EXPIRED', '王销售', '已过期客户', '2027-03-04', '2027-03-05', null),
    ]);
    // Each item's creation is in the history, by nobody, filed under no dossier, when it appeared.
    const created = await db.orm.em.fork().execute<Array<{ n: number }>>(
      `select count(*)::int as n from inbox_item i
       join change ch on ch.entity_id = i.id and ch.entity_type = 'InboxItem' and ch.action = 'CREATE'
         and ch.actor_id is null and ch.customer_id is null and ch.at = i.created_at
       join field_change fc on fc.change_id = ch.id and fc.field = 'kind' and fc.after = i.kind`,
    );
    expect(created).toEqual([{ n: rows.length }]);
  });

  it('opens an item its cause closed again when the cause comes back, not one the person marked done', async () => {
    const item = async (kind: string) => {
      const [found] = await db.orm.em
        .fork()
        .execute<Array<{ id: string; version: number; state: string; settled: boolean; due_on: string }>>(
          `select id, version, state, settled_at is not null as settled, due_on::text from inbox_item
           where kind = ?`,
          [kind],
        );
      return found;
    };
    const settled = await item('COMPLAINT_OPEN');
    expect(settled).toMatchObject({ state: 'DONE', settled: true });
    // The owner deals with the HIGH risk signal and marks it done; the signal is still there.
    const risk = await item('RISK_HIGH');
    const done = await db.execute(
      'mutation ($id: ID!, $v: Int!) { markInboxItemDone(id: $id, expectedVersion: $v) { state settledAt } }',
      { id: toGlobalId('InboxItem', risk?.id as string), v: risk?.version },
      { viewer: owner },
    );
    expect(done.data).toEqual({ markInboxItemDone: { state: 'DONE', settledAt: null } });
    // On Monday the complaint is opened again: the handler's item is back, the same item, open.
    await db.orm.em
      .fork()
      .execute(`update feedback set status = 'OPEN', closed_at = null where id = ?`, [complaintId]);
    const at = new Date('2027-03-08T09:00:00+08:00');
    await sweepReminders(db.orm, at, fixedClock(at), dossierSources);
    expect(await item('COMPLAINT_OPEN')).toEqual({
      ...settled,
      version: (settled?.version ?? 0) + 1,
      state: 'OPEN',
      settled: false,
    });
    expect(await item('RISK_HIGH')).toMatchObject({ state: 'DONE', settled: false });
    const [history] = await db.orm.em.fork().execute<Array<{ fields: string[] }>>(
      `select array_agg(fc.field || ':' || coalesce(fc.before, '-') || '>' || coalesce(fc.after, '-')
                        order by fc.field) as fields
       from change ch join field_change fc on fc.change_id = ch.id
       where ch.entity_id = ? and ch.at = ? group by ch.id`,
      [settled?.id, at],
    );
    expect(history?.fields.map((f) => f.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, 'T'))).toEqual([
      'doneAt:T>-',
      'settledAt:T>-',
      'state:DONE>OPEN',
    ]);
  });
});

function row(
  kind: string,
  recipient: string,
  customer: string,
  dueOn: string,
  appeared: string,
  done: string | null,
): Row {
  return { kind, recipient, customer, due_on: dueOn, appeared, state: done ? 'DONE' : 'OPEN', done };
}
