import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Staff } from '../staff/staff.entity.js';
import { Customer } from './customer.entity.js';

const db = await testDatabase();
const build = builders(db.orm);
let rep: Staff;

beforeAll(async () => {
  rep = await build.staff({}, StaffRole.ADMIN);
});

const CREATE = `mutation ($input: CreateCustomerInput!) {
  createCustomer(input: $input) { id code name nature tier lifecycle creditLimit version owner { name } }
}`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateCustomerInput!) {
  updateCustomer(id: $id, expectedVersion: $v, input: $input) { id name version parent { name } }
}`;

type Created = { createCustomer: { id: string; code: string; version: number; creditLimit: string | null } };

describe('customers', () => {
  it('creates a customer with a generated code, exact credit limit and its owner', async () => {
    const result = await db.execute<Created>(
      CREATE,
      {
        input: {
          name: ' 华东电力设计院 ',
          nature: 'GOVERNMENT',
          creditLimit: '1500000.50',
          ownerId: toGlobalId('Staff', rep.id),
        },
      },
      { viewer: rep },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.createCustomer).toMatchObject({
      code: expect.stringMatching(/^C\d{6}$/),
      name: '华东电力设计院',
      nature: 'GOVERNMENT',
      tier: 'GENERAL',
      lifecycle: 'PROSPECT',
      creditLimit: '1500000.50',
      version: 1,
      owner: { name: rep.name },
    });
  });

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const result = await db.execute(CREATE, { input: { name: 'x', nature: 'COMPANY' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    [{ name: '', nature: 'COMPANY' }, 'input.name'],
    [{ name: 'x'.repeat(201), nature: 'COMPANY' }, 'input.name'],
    [{ name: 'ok', nature: 'COMPANY', code: 'has space' }, 'input.code'],
    [{ name: 'ok', nature: 'COMPANY', website: 'not a site' }, 'input.website'],
    [{ name: 'ok', nature: 'COMPANY', phone: 'call me' }, 'input.phone'],
    [{ name: 'ok', nature: 'COMPANY', creditLimit: '-1.00' }, 'input.creditLimit'],
    [{ name: 'ok', nature: 'COMPANY', ownerId: 'bogus' }, 'input.ownerId'],
  ])('refuses %j naming %s, and writes nothing', async (input, field) => {
    const before = await tableCounts(db.orm);
    const result = await db.execute(CREATE, { input }, { viewer: rep });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('refuses a malformed Decimal before any resolver runs', async () => {
    const result = await db.execute(
      CREATE,
      { input: { name: 'ok', nature: 'COMPANY', creditLimit: '1e9' } },
      { viewer: rep },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a duplicate code with BAD_USER_INPUT on input.code', async () => {
    await build.customer({ code: 'DUP-1' });
    const result = await db.execute(
      CREATE,
      { input: { name: 'ok', nature: 'COMPANY', code: 'DUP-1' } },
      { viewer: rep },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
  });

  it('updates with the right version, refuses a stale one and changes nothing', async () => {
    const customer = await build.customer({ name: '旧名' });
    const id = toGlobalId('Customer', customer.id);
    const ok = await db.execute(UPDATE, { id, v: 1, input: { name: '新名' } }, { viewer: rep });
    expect(ok.data).toEqual({ updateCustomer: { id, name: '新名', version: 2, parent: null } });

    const before = await tableCounts(db.orm);
    const stale = await db.execute(UPDATE, { id, v: 1, input: { name: '又一个名' } }, { viewer: rep });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('refuses a head office that is one of its own branches', async () => {
    const head = await build.customer();
    const branch = await build.customer({ parent: build.ref(Customer, head) });
    const result = await db.execute(
      UPDATE,
      { id: toGlobalId('Customer', head.id), v: 1, input: { parentId: toGlobalId('Customer', branch.id) } },
      { viewer: rep },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
  });

  it('answers NOT_FOUND for an unknown customer id', async () => {
    const id = toGlobalId('Customer', '00000000-0000-4000-8000-000000000000');
    const result = await db.execute(UPDATE, { id, v: 1, input: { name: 'x' } }, { viewer: rep });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  describe('markCustomerReviewed with expectedVersion', () => {
    const REVIEW = `mutation ($id: ID!, $v: Int) {
      markCustomerReviewed(id: $id, expectedVersion: $v) { version reviewedAt }
    }`;
    type Reviewed = { markCustomerReviewed: { version: number; reviewedAt: string } };
    const review = (id: string, v?: number) =>
      db.execute<Reviewed>(REVIEW, v === undefined ? { id } : { id, v }, { viewer: rep });
    const reviewedAtOf = async (customer: Customer) =>
      (await db.orm.em.fork().findOneOrFail(Customer, customer.id)).reviewedAt;

    it('records the review at the version read and bumps it', async () => {
      const customer = await build.customer();
      const result = await review(toGlobalId('Customer', customer.id), 1);
      expect(result.errors).toBeUndefined();
      expect(result.data?.markCustomerReviewed.version).toBe(2);
      expect(await reviewedAtOf(customer)).toEqual(
        new Date(result.data?.markCustomerReviewed.reviewedAt ?? ''),
      );
    });

    it('refuses a stale version with VERSION_CONFLICT and the current one, changing nothing', async () => {
      const customer = await build.customer();
      const id = toGlobalId('Customer', customer.id);
      await review(id, 1);
      const reviewedAt = await reviewedAtOf(customer);
      const before = await tableCounts(db.orm);
      const stale = await review(id, 1);
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
      expect(await tableCounts(db.orm)).toEqual(before);
      expect(await reviewedAtOf(customer)).toEqual(reviewedAt);
    });

    it('without a version, records the review at whatever version is current', async () => {
      const id = toGlobalId('Customer', (await build.customer()).id);
      await review(id, 1);
      const result = await review(id);
      expect(result.data?.markCustomerReviewed.version).toBe(3);
    });

    it('answers NOT_FOUND for an unknown id, whatever the version, changing nothing', async () => {
      const before = await tableCounts(db.orm);
      const result = await review(toGlobalId('Customer', '00000000-0000-4000-8000-000000000000'), 1);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expect(await tableCounts(db.orm)).toEqual(before);
    });
  });
});
