import { RelationshipState, ReminderKind, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { ReminderDraft } from '../inbox/reminder-source.js';
import type { KeyPerson } from '../key-person/key-person.entity.js';
import { KeyPersonProfile } from '../key-person/key-person-profile.embeddable.js';
import { Staff } from '../staff/staff.entity.js';
import { careSourcesOf } from './care.sources.js';

const db = await testDatabase({ clock: fixedClock('2027-01-04T02:00:00Z') });
const build = builders(db.orm);
const [birthdays, festivals, anniversaries, introductions] = careSourcesOf({
  DOSSIER_CARE_LEAD_DAYS: 3,
  DOSSIER_HANDOVER_INTRO_DAYS: 30,
});
const { POSITIVE, NEUTRAL, NEGATIVE, NONE } = RelationshipState;

// 10:00 in Beijing on the given business day.
const clockOn = (day: string) => fixedClock(`${day}T02:00:00Z`);
async function collect(source: typeof birthdays, day: string): Promise<ReminderDraft[]> {
  return source?.collect(db.orm.em.fork(), day, clockOn(day)) ?? [];
}

let manager: Staff; // above the owner: may read the key persons' personal data
let owner: Staff;
let colleague: Staff; // knows a key person well, but outside the owner's line
let cool: Staff; // only a NEGATIVE relationship
let departed: Staff;
let customer: Customer;
let zhou: KeyPerson;
let sun: KeyPerson;
const gid = (row: { id: string }) => toGlobalId('Customer', row.id);
const profile = (birthday: string) => Object.assign(new KeyPersonProfile(), { birthday });

beforeAll(async () => {
  manager = await build.staff({ name: '王经理' }, StaffRole.SALES_MANAGER);
  owner = await build.staff({ name: '李雷', manager: build.ref(Staff, manager) });
  colleague = await build.staff({ name: '韩梅梅' });
  cool = await build.staff({ name: '张三' });
  departed = await build.staff({ name: '离职员工', active: false });
  customer = await build.customer({
    name: '华东电力设计院',
    owner: build.ref(Staff, owner),
    foundedOn: '2008-09-16',
  });
  zhou = await build.keyPerson(customer, { name: '周总', profile: profile('09-14') });
  sun = await build.keyPerson(customer, { name: '孙经理', profile: profile('02-29') });
  const li = await build.keyPerson(customer, { name: '李工' });
  const placeholder = await build.keyPerson(customer, { name: null, title: '财务总监' });
  const left = await build.keyPerson(customer, { name: '王总', active: false, profile: profile('09-14') });
  for (const [person, staff, state] of [
    [zhou, owner, POSITIVE],
    [zhou, manager, NEUTRAL],
    [zhou, colleague, POSITIVE],
    [zhou, cool, NEGATIVE],
    [zhou, departed, POSITIVE],
    [sun, owner, POSITIVE],
    [li, owner, NEUTRAL],
    [placeholder, owner, POSITIVE],
    [left, owner, POSITIVE],
  ] as const) {
    await build.relationship(person, staff, state);
  }
  // A departed owner's customer: nobody is reminded of its anniversary.
  await build.customer({ name: '已移交客户', owner: build.ref(Staff, departed), foundedOn: '2008-09-16' });
});

const birthdayOf = (recipient: Staff, person: KeyPerson, date: string, days: number) => ({
  kind: ReminderKind.BIRTHDAY,
  recipientId: recipient.id,
  key: `${person.id}:${date}`,
  customerId: customer.id,
  dueOn: date,
  params: { keyPerson: person.displayName, customer: '华东电力设计院', date, days },
  link: `/customers/${gid(customer)}/people`,
});

describe('BIRTHDAY', () => {
  it('reaches the staff who know the person well and may read personal data, 3 days ahead and up to the day', async () => {
    const byRecipient = (drafts: ReminderDraft[]) =>
      drafts.sort((a, b) => a.recipientId.localeCompare(b.recipientId));
    const expected = (days: number) =>
      byRecipient([
        birthdayOf(owner, zhou, '2027-09-14', days),
        birthdayOf(manager, zhou, '2027-09-14', days),
      ]);
    expect(byRecipient(await collect(birthdays, '2027-09-11'))).toEqual(expected(3));
    expect(byRecipient(await collect(birthdays, '2027-09-14'))).toEqual(expected(0));
  });

  it('finds nothing 4 days ahead or the day after', async () => {
    expect(await collect(birthdays, '2027-09-10')).toEqual([]);
    expect(await collect(birthdays, '2027-09-15')).toEqual([]);
  });

  it('keeps a 29 February birthday on 28 February in a year without one', async () => {
    expect(await collect(birthdays, '2027-02-25')).toEqual([birthdayOf(owner, sun, '2027-02-28', 3)]);
    expect(await collect(birthdays, '2028-02-26')).toEqual([birthdayOf(owner, sun, '2028-02-29', 3)]);
    expect(await collect(birthdays, '2028-02-25')).toEqual([]);
  });
});

describe('FESTIVAL', () => {
  const festivalFor = (recipient: Staff, names: string[]) => ({
    kind: ReminderKind.FESTIVAL,
    recipientId: recipient.id,
    key: 'MID_AUTUMN:2027-09-15',
    customerId: null,
    dueOn: '2027-09-15',
    params: {
      festival: 'MID_AUTUMN',
      date: '2027-09-15',
      days: 3,
      count: names.length,
      names: names.join('、'),
    },
    link: '/customers',
  });
  const ours = (drafts: ReminderDraft[]) => {
    const staff = [owner, manager, colleague, cool, departed].map((s) => s.id);
    return drafts
      .filter((d) => staff.includes(d.recipientId))
      .sort((a, b) => a.recipientId.localeCompare(b.recipientId));
  };

  it('the Mid-Autumn festival of 2027 (15 September), collected on 12 September: one item per staff member listing their warm key persons', async () => {
    const expected = [
      festivalFor(owner, ['周总', '孙经理', '李工']),
      festivalFor(manager, ['周总']),
      festivalFor(colleague, ['周总']),
    ].sort((a, b) => a.recipientId.localeCompare(b.recipientId));
    expect(ours(await collect(festivals, '2027-09-12'))).toEqual(expected);
  });

  it('is not collected on 11 September, 4 days ahead', async () => {
    expect(await collect(festivals, '2027-09-11')).toEqual([]);
  });
});

describe('FOUNDING_ANNIVERSARY', () => {
  it('reaches the active owner 3 days ahead with the years, and not a day earlier', async () => {
    expect(await collect(anniversaries, '2027-09-13')).toEqual([
      {
        kind: ReminderKind.FOUNDING_ANNIVERSARY,
        recipientId: owner.id,
        key: `${customer.id}:2027-09-16`,
        customerId: customer.id,
        dueOn: '2027-09-16',
        params: { customer: '华东电力设计院', years: 19, date: '2027-09-16', days: 3 },
        link: `/customers/${gid(customer)}/basic`,
      },
    ]);
    expect(await collect(anniversaries, '2027-09-12')).toEqual([]);
  });
});

describe('HANDOVER_INTRODUCTION', () => {
  const TRANSFER =
    'mutation ($from: ID!, $to: ID!) { transferCustomers(fromStaffId: $from, toStaffId: $to) { customers } }';
  const SET_STATE = `mutation ($input: SetRelationshipStateInput!) { setRelationshipState(input: $input) { state } }`;
  const sid = (staff: Staff) => toGlobalId('Staff', staff.id);

  it('asks the new owner to introduce themselves to each key person, until a state is recorded for every one', async () => {
    const admin = await build.staff({}, StaffRole.ADMIN);
    const leaving = await build.staff({ name: '老销售' });
    const taking = await build.staff({ name: '新销售' });
    const handed = await build.customer({ name: '江南化工', owner: build.ref(Staff, leaving) });
    const zhao = await build.keyPerson(handed, { name: '赵总' });
    const qian = await build.keyPerson(handed, { name: '钱工' });
    await build.relationship(zhao, leaving, POSITIVE);
    expect(await collect(introductions, '2027-03-01')).toEqual([]);

    const transfer = await db.execute(
      TRANSFER,
      { from: sid(leaving), to: sid(taking) },
      { viewer: admin, clock: clockOn('2027-03-01') },
    );
    expect(transfer.errors).toBeUndefined();
    const item = (count: number, names: string) => ({
      kind: ReminderKind.HANDOVER_INTRODUCTION,
      recipientId: taking.id,
      key: `${handed.id}:2027-03-01`,
      customerId: handed.id,
      dueOn: '2027-03-01',
      params: { customer: '江南化工', count, names },
      link: `/customers/${gid(handed)}/map`,
    });
    // The relationship the handover moved over was the previous rep's: it does not count.
    expect(await collect(introductions, '2027-03-01')).toEqual([item(2, '赵总、钱工')]);

    const record = async (person: KeyPerson, state: RelationshipState, expectedVersion: number | null) => {
      const input = {
        keyPersonId: toGlobalId('KeyPerson', person.id),
        staffId: sid(taking),
        state,
        expectedVersion,
      };
      const result = await db.execute(SET_STATE, { input }, { viewer: taking, clock: clockOn('2027-03-02') });
      expect(result.errors).toBeUndefined();
    };
    await record(zhao, NEUTRAL, 2);
    await record(qian, NONE, null);
    expect(await collect(introductions, '2027-03-02')).toEqual([item(1, '钱工')]);
    await record(qian, POSITIVE, 1);
    expect(await collect(introductions, '2027-03-03')).toEqual([]);
  });

  it('is news for DOSSIER_HANDOVER_INTRO_DAYS business days: an old handover asks nothing of its owner', async () => {
    const admin = await build.staff({}, StaffRole.ADMIN);
    const leaving = await build.staff({ name: '老销售' });
    const taking = await build.staff({ name: '新销售' });
    const handed = await build.customer({ name: '江南化工', owner: build.ref(Staff, leaving) });
    await build.keyPerson(handed, { name: '赵总' });
    // Handed over at 23:30 Beijing on 03-01 (15:30 UTC): the window counts business days from 03-01.
    const at = fixedClock('2027-03-01T15:30:00Z');
    const transfer = await db.execute(
      TRANSFER,
      { from: sid(leaving), to: sid(taking) },
      { viewer: admin, clock: at },
    );
    expect(transfer.errors).toBeUndefined();
    const dueOn = async (day: string) => (await collect(introductions, day)).map((draft) => draft.dueOn);
    expect(await dueOn('2027-03-30')).toEqual(['2027-03-01']);
    expect(await dueOn('2027-03-31')).toEqual([]);
  });
});

describe('each source', () => {
  it('reads what it needs in one statement, however many people and customers it finds', async () => {
    for (const [source, day] of [
      [birthdays, '2027-09-11'],
      [festivals, '2027-09-12'],
      [anniversaries, '2027-09-13'],
      [introductions, '2027-03-01'],
    ] as const) {
      const statements = await db.captureSql(() => collect(source, day));
      expect([source?.kind, statements.length]).toEqual([source?.kind, 1]);
    }
  });

  it('a festival-free day costs the festival source no statement', async () => {
    expect(await db.captureSql(() => collect(festivals, '2027-06-01'))).toEqual([]);
  });
});
