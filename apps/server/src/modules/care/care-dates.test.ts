import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import { historyPage } from '../history/history.fixtures.js';
import { Staff } from '../staff/staff.entity.js';

// The birthday (key person's profile, personal data) and the founding date (customer's basic sheet) that
// the care reminders read: written through the existing mutations, versioned and in the history.
const db = await testDatabase({ clock: fixedClock('2027-03-10T02:00:00Z') });
const build = builders(db.orm);
let owner: Staff;
let colleague: Staff;
let customer: Customer;

beforeAll(async () => {
  owner = await build.staff({}, StaffRole.SALES_REP);
  colleague = await build.staff({}, StaffRole.SALES_REP);
  customer = await build.customer({ name: '华东电力设计院', owner: build.ref(Staff, owner) });
});

const gid = (type: string, row: { id: string }) => toGlobalId(type, row.id);
const UPDATE_PERSON = `mutation ($id: ID!, $v: Int!, $input: UpdateKeyPersonInput!) {
  updateKeyPerson(id: $id, expectedVersion: $v, input: $input) { version profile { birthday birthYear } }
}`;
const READ_PERSON = 'query ($id: ID!) { keyPerson(id: $id) { personalDataVisible profile { birthday } } }';
const UPDATE_CUSTOMER = `mutation ($id: ID!, $v: Int!, $input: UpdateCustomerInput!) {
  updateCustomer(id: $id, expectedVersion: $v, input: $input) { version foundedOn }
}`;

const changesOf = async (entityId: string) => {
  const history = await historyPage(db, owner, customer.id, { first: 50 });
  return history.nodes.find((node) => node.entityId === entityId)?.changes;
};

describe("a key person's birthday", () => {
  it('is kept as a month-day, read by the owner, hidden from others, and recorded in the history', async () => {
    const person = await build.keyPerson(customer, { name: '周总' });
    const id = gid('KeyPerson', person);
    const saved = await db.execute(
      UPDATE_PERSON,
      { id, v: 1, input: { profile: { birthday: '09-14' } } },
      { viewer: owner },
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data).toEqual({
      updateKeyPerson: { version: 2, profile: { birthday: '09-14', birthYear: null } },
    });
    expect(await changesOf(id)).toEqual([{ field: 'profile.birthday', before: null, after: '09-14' }]);

    const byOwner = await db.execute(READ_PERSON, { id }, { viewer: owner });
    expect(byOwner.data).toEqual({
      keyPerson: { personalDataVisible: true, profile: { birthday: '09-14' } },
    });
    // Personal data: a colleague who knows the person (so sees the customer) but does not own it reads none.
    await build.relationship(person, colleague);
    const byColleague = await db.execute(READ_PERSON, { id }, { viewer: colleague });
    expect(byColleague.data).toEqual({ keyPerson: { personalDataVisible: false, profile: null } });
  });

  it('accepts 29 February without a year or with a leap year', async () => {
    const person = await build.keyPerson(customer);
    const input = { profile: { birthday: '02-29', birthYear: 1976 } };
    const saved = await db.execute(
      UPDATE_PERSON,
      { id: gid('KeyPerson', person), v: 1, input },
      { viewer: owner },
    );
    expect(saved.data).toEqual({
      updateKeyPerson: { version: 2, profile: { birthday: '02-29', birthYear: 1976 } },
    });
  });

  it('is cleared by null, also when the year is given beside it', async () => {
    const person = await build.keyPerson(customer);
    const id = gid('KeyPerson', person);
    const set = { profile: { birthday: '02-29', birthYear: 1976 } };
    await db.execute(UPDATE_PERSON, { id, v: 1, input: set }, { viewer: owner });
    const input = { profile: { birthday: null, birthYear: 1977 } };
    const cleared = await db.execute(UPDATE_PERSON, { id, v: 2, input }, { viewer: owner });
    expect(cleared.data).toEqual({
      updateKeyPerson: { version: 3, profile: { birthday: null, birthYear: 1977 } },
    });
  });

  it('refuses a year without 29 February for a kept 29 February birthday', async () => {
    const person = await build.keyPerson(customer);
    const id = gid('KeyPerson', person);
    await db.execute(
      UPDATE_PERSON,
      { id, v: 1, input: { profile: { birthday: '02-29' } } },
      { viewer: owner },
    );
    const result = await db.execute(
      UPDATE_PERSON,
      { id, v: 2, input: { profile: { birthYear: 1975 } } },
      { viewer: owner },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.profile.birthday',
    });
  });

  it.each([
    ['a day the month lacks', { birthday: '02-30' }],
    ['a month 13', { birthday: '13-01' }],
    ['a full date', { birthday: '1975-09-14' }],
    ['no leading zeros', { birthday: '9-14' }],
    ['29 February of a year without one', { birthday: '02-29', birthYear: 1975 }],
  ])('refuses %s (BAD_USER_INPUT on input.profile.birthday), writing nothing', async (_case, profile) => {
    const person = await build.keyPerson(customer);
    const before = await tableCounts(db.orm);
    const result = await db.execute(
      UPDATE_PERSON,
      { id: gid('KeyPerson', person), v: 1, input: { profile } },
      { viewer: owner },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.profile.birthday',
    });
    expect(await tableCounts(db.orm)).toEqual(before);
  });
});

describe("a customer's founding date", () => {
  it('is kept, versioned and recorded in the history; null clears it', async () => {
    const id = gid('Customer', customer);
    const { version } = (await db.orm.em.fork().findOneOrFail('Customer', customer.id)) as Customer;
    const saved = await db.execute(
      UPDATE_CUSTOMER,
      { id, v: version, input: { foundedOn: '2008-05-20' } },
      { viewer: owner },
    );
    expect(saved.data).toEqual({ updateCustomer: { version: version + 1, foundedOn: '2008-05-20' } });
    expect(await changesOf(id)).toEqual([{ field: 'foundedOn', before: null, after: '2008-05-20' }]);

    const stale = await db.execute(
      UPDATE_CUSTOMER,
      { id, v: version, input: { foundedOn: null } },
      { viewer: owner },
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('VERSION_CONFLICT');
    const cleared = await db.execute(
      UPDATE_CUSTOMER,
      { id, v: version + 1, input: { foundedOn: null } },
      { viewer: owner },
    );
    expect(cleared.data).toEqual({ updateCustomer: { version: version + 2, foundedOn: null } });
  });

  it('refuses a founding date after today (BAD_USER_INPUT on input.foundedOn), writing nothing', async () => {
    const other = await build.customer({ owner: build.ref(Staff, owner) });
    const before = await tableCounts(db.orm);
    const result = await db.execute(
      UPDATE_CUSTOMER,
      { id: gid('Customer', other), v: 1, input: { foundedOn: '2027-03-11' } },
      { viewer: owner },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.foundedOn',
    });
    expect(await tableCounts(db.orm)).toEqual(before);
  });
});
