import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { KeyPerson } from './key-person.entity.js';

// 00:30 on 1 January 2027 in Beijing, still 2026 in UTC.
const db = await testDatabase({ clock: fixedClock('2026-12-31T16:30:00Z') });
const build = builders(db.orm);
let rep: Staff;
let customer: Customer;

beforeAll(async () => {
  rep = await build.staff({}, StaffRole.SALES_REP);
  // The rep owns the customer: only the owner (their managers, admins) may read and write personal data.
  customer = await build.customer({ name: '华东电力设计院', owner: build.ref(Staff, rep) });
});

const PERSON =
  'id name title email active version reportsTo { name } customer { name } profile { interests birthYear notes }';
const ADD = `mutation ($input: AddKeyPersonInput!) { addKeyPerson(input: $input) { ${PERSON} } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateKeyPersonInput!) {
  updateKeyPerson(id: $id, expectedVersion: $v, input: $input) { ${PERSON} }
}`;
const READ = `query ($id: ID!) { keyPerson(id: $id) { ${PERSON} } }`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const gid = (type: string, row: { id: string }) => toGlobalId(type, row.id);
const person = (extra: Partial<KeyPerson> = {}) => build.keyPerson(customer, extra);

type Person = { id: string; name: string; version: number; reportsTo: { name: string } | null };

async function add(input: Record<string, unknown>, at?: string) {
  return db.execute<{ addKeyPerson: Person }>(
    ADD,
    { input: { customerId: gid('Customer', customer), ...input } },
    { viewer: rep, ...(at ? { clock: fixedClock(at) } : {}) },
  );
}

async function update(id: string, version: number, input: Record<string, unknown>) {
  return db.execute<{ updateKeyPerson: Person }>(UPDATE, { id, v: version, input }, { viewer: rep });
}

describe('key persons', () => {
  it('adds a key person with a superior and a profile, and reads it back by id', async () => {
    const boss = await person({ name: '王总' });
    const added = await add({
      name: ' 李工 ',
      title: '总工程师',
      email: 'li@example.com',
      reportsToId: gid('KeyPerson', boss),
      profile: { interests: '围棋', birthYear: 1975 },
    });
    expect(added.errors).toBeUndefined();
    const expected = {
      name: '李工',
      title: '总工程师',
      email: 'li@example.com',
      active: true,
      version: 1,
      reportsTo: { name: '王总' },
      customer: { name: '华东电力设计院' },
      profile: { interests: '围棋', birthYear: 1975, notes: null },
    };
    expect(added.data?.addKeyPerson).toMatchObject(expected);
    const id = added.data?.addKeyPerson.id ?? '';
    const read = await db.execute(READ, { id }, { viewer: rep });
    expect(read.data).toEqual({ keyPerson: { id, ...expected } });
  });

  it('answers null for an unknown key person and for an id of another type', async () => {
    const unknown = await db.execute(READ, { id: toGlobalId('KeyPerson', UNKNOWN) }, { viewer: rep });
    expect(unknown.data).toEqual({ keyPerson: null });
    const wrongType = await db.execute(READ, { id: gid('Customer', customer) }, { viewer: rep });
    expect(wrongType.data).toEqual({ keyPerson: null });
  });

  it('shows an empty profile as an object of nulls', async () => {
    const plain = await person();
    const read = await db.execute<{ keyPerson: { profile: unknown } }>(
      READ,
      { id: gid('KeyPerson', plain) },
      { viewer: rep },
    );
    expect(read.data?.keyPerson.profile).toEqual({ interests: null, birthYear: null, notes: null });
  });

  it('lists the customer key persons, active and former, by name', async () => {
    const other = await build.customer({ owner: build.ref(Staff, rep) });
    await build.keyPerson(other, { name: '乙' });
    await build.keyPerson(other, { name: '甲', active: false });
    await build.keyPerson(other, { name: 'A' });
    const result = await db.execute(
      'query ($id: ID!) { customer(id: $id) { keyPersons { name active } } }',
      { id: gid('Customer', other) },
      { viewer: rep },
    );
    expect(result.data).toEqual({
      customer: {
        keyPersons: [
          { name: 'A', active: true },
          { name: '乙', active: true },
          { name: '甲', active: false },
        ],
      },
    });
  });

  it('updates with the right version, keeps omitted profile fields and clears null ones', async () => {
    const added = await add({
      name: '赵',
      profile: { interests: '钓鱼', notes: '喜欢喝茶', birthYear: 1980 },
    });
    const id = added.data?.addKeyPerson.id ?? '';
    const ok = await update(id, 1, { title: '处长', profile: { notes: null, birthYear: 1981 } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.updateKeyPerson).toMatchObject({
      title: '处长',
      version: 2,
      profile: { interests: '钓鱼', birthYear: 1981, notes: null },
    });
    const cleared = await update(id, 2, { profile: null, active: false });
    expect(cleared.data?.updateKeyPerson).toMatchObject({
      active: false,
      version: 3,
      profile: { interests: null, birthYear: null, notes: null },
    });
  });

  it('refuses a stale version with VERSION_CONFLICT and the current version, changing nothing', async () => {
    const kp = await person();
    const id = gid('KeyPerson', kp);
    expect((await update(id, 1, { name: '新名' })).data?.updateKeyPerson.version).toBe(2);
    const before = await tableCounts(db.orm);
    const stale = await update(id, 1, { name: '又一个名' });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect(await tableCounts(db.orm)).toEqual(before);
    const read = await db.execute<{ keyPerson: Person }>(READ, { id }, { viewer: rep });
    expect(read.data?.keyPerson.name).toBe('新名');
  });

  it('records the update in the history with the field before and after', async () => {
    const kp = await person({ name: '钱' });
    await update(gid('KeyPerson', kp), 1, { title: '科长' });
    const rows = await db.orm.em.getConnection().execute(
      `select c.action, c.customer_id, f.field, f.before, f.after from change c
         join field_change f on f.change_id = c.id where c.entity_id = ? and c.action = 'UPDATE'`,
      [kp.id],
    );
    expect(rows).toEqual([
      { action: 'UPDATE', customer_id: customer.id, field: 'title', before: null, after: '科长' },
    ]);
  });

  it('sets, moves and clears the superior, recording each change of reportsToId', async () => {
    const [first, second] = [await person({ name: '甲总' }), await person({ name: '乙总' })];
    const kp = await person({ name: '丙' });
    const id = gid('KeyPerson', kp);
    const steps = [
      [gid('KeyPerson', first), { name: '甲总' }],
      [gid('KeyPerson', second), { name: '乙总' }],
      [null, null],
    ] as const;
    for (const [index, [reportsToId, expected]] of steps.entries()) {
      const result = await update(id, index + 1, { reportsToId });
      expect(result.data?.updateKeyPerson).toMatchObject({ version: index + 2, reportsTo: expected });
    }
    const rows = await db.orm.em.getConnection().execute(
      `select f.before, f.after from change c join field_change f on f.change_id = c.id
       where c.entity_id = ? and f.field = 'reportsToId' order by c.at, c.id`,
      [kp.id],
    );
    expect(rows).toEqual([
      { before: null, after: gid('KeyPerson', first) },
      { before: gid('KeyPerson', first), after: gid('KeyPerson', second) },
      { before: gid('KeyPerson', second), after: null },
    ]);
  });

  it('refuses a superior below the person (a reporting cycle) and one at another customer', async () => {
    const top = await person({ name: '顶' });
    const middle = await person({ reportsTo: build.ref(KeyPerson, top) });
    const bottom = await person({ reportsTo: build.ref(KeyPerson, middle) });
    const stranger = await build.keyPerson(await build.customer({ owner: build.ref(Staff, rep) }));
    const cases = [
      [top, 'would make a reporting cycle'],
      [middle, 'would make a reporting cycle'],
      [bottom, 'would make a reporting cycle'],
      [stranger, 'must work at the same customer'],
    ] as const;
    for (const [superior, problem] of cases) {
      const before = await tableCounts(db.orm);
      const result = await update(gid('KeyPerson', top), 1, { reportsToId: gid('KeyPerson', superior) });
      expect(result.errors?.[0]).toMatchObject({
        message: `input.reportsToId ${problem}`,
        extensions: { code: 'BAD_USER_INPUT', field: 'input.reportsToId' },
      });
      expect(await tableCounts(db.orm)).toEqual(before);
    }
  });

  it('takes the current year from Beijing: 2027 is a birth year from 16:00 UTC on 31 December', async () => {
    const born = { name: '新生', profile: { birthYear: 2027 } };
    const early = await add(born, '2026-12-31T15:59:59Z');
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.profile.birthYear',
    });
    const onTime = await add(born, '2026-12-31T16:00:00Z');
    expect(onTime.data?.addKeyPerson).toMatchObject({ name: '新生', profile: { birthYear: 2027 } });
  });

  it.each([
    ['an empty name', { name: ' ' }, 'input.name'],
    ['a name of 101 characters', { name: 'x'.repeat(101) }, 'input.name'],
    ['a title of 101 characters', { name: 'ok', title: 't'.repeat(101) }, 'input.title'],
    ['a department of 101 characters', { name: 'ok', department: 'd'.repeat(101) }, 'input.department'],
    ['a malformed e-mail', { name: 'ok', email: 'not-mail' }, 'input.email'],
    ['a malformed mobile', { name: 'ok', mobile: 'call me' }, 'input.mobile'],
    ['a malformed office phone', { name: 'ok', officePhone: '??' }, 'input.officePhone'],
    ['a birth year before 1900', { name: 'ok', profile: { birthYear: 1899 } }, 'input.profile.birthYear'],
    ['a birth year next year', { name: 'ok', profile: { birthYear: 2028 } }, 'input.profile.birthYear'],
    [
      'a family text of 2001 characters',
      { name: 'ok', profile: { family: 'f'.repeat(2001) } },
      'input.profile.family',
    ],
    ['a malformed superior id', { name: 'ok', reportsToId: 'bogus' }, 'input.reportsToId'],
    [
      'a customer id as superior',
      { name: 'ok', reportsToId: toGlobalId('Customer', UNKNOWN) },
      'input.reportsToId',
    ],
    [
      'a key person id as customer',
      { name: 'ok', customerId: toGlobalId('KeyPerson', UNKNOWN) },
      'input.customerId',
    ],
  ])('refuses to add with %s (BAD_USER_INPUT), writing nothing', async (_case, input, field) => {
    const before = await tableCounts(db.orm);
    const result = await add(input);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it.each([
    ['customerId', { name: 'ok', customerId: toGlobalId('Customer', UNKNOWN) }],
    ['reportsToId', { name: 'ok', reportsToId: toGlobalId('KeyPerson', UNKNOWN) }],
  ])('answers NOT_FOUND for an unknown %s, writing nothing', async (name, input) => {
    const before = await tableCounts(db.orm);
    const result = await add(input);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: `input.${name}` });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('refuses a missing name before any resolver runs', async () => {
    const result = await db.execute(
      ADD,
      { input: { customerId: gid('Customer', customer) } },
      { viewer: rep },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['a null name', { name: null }, 'input.name'],
    ['a null active flag', { active: null }, 'input.active'],
    ['an e-mail without a domain', { email: 'a@b' }, 'input.email'],
    [
      'a personality of 2001 characters',
      { profile: { personality: 'p'.repeat(2001) } },
      'input.profile.personality',
    ],
  ])('refuses to update with %s (BAD_USER_INPUT), writing nothing', async (_case, input, field) => {
    const kp = await person();
    const before = await tableCounts(db.orm);
    const result = await update(gid('KeyPerson', kp), 1, input);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for an id of another type', async () => {
    const before = await tableCounts(db.orm);
    const unknown = await update(toGlobalId('KeyPerson', UNKNOWN), 1, { name: 'x' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const wrongType = await update(gid('Customer', customer), 1, { name: 'x' });
    expect(wrongType.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await tableCounts(db.orm)).toEqual(before);
  });
});
