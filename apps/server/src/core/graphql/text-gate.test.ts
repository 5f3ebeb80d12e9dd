import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Customer } from '../../modules/customer/customer.entity.js';
import { Staff } from '../../modules/staff/staff.entity.js';
import { toGlobalId } from './global-id.js';

const db = await testDatabase();
let rep: Staff;
let customer: Customer;

beforeAll(async () => {
  const build = builders(db.orm);
  rep = await build.staff({}, StaffRole.SALES_REP);
  customer = await build.customer({ owner: build.ref(Staff, rep) });
});

const refusal = (field: string, codePoint = 'U+0000') => ({
  message: expect.stringContaining(`${field} contains a control character (${codePoint}`),
  extensions: { code: 'BAD_USER_INPUT', field },
});

describe('the text gate', () => {
  it('refuses a NUL in login, as the issue reproduced it, before any resolver runs', async () => {
    const result = await db.execute('mutation { login(email: "a\\u0000b", password: "x") { token } }');
    expect(result.errors).toEqual([expect.objectContaining(refusal('email'))]);
    expect(result.data).toBeUndefined();
  });

  it('refuses a NUL in a new customer name and writes nothing', async () => {
    const before = await tableCounts(db.orm);
    const result = await db.execute(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { name: 'bad\u0000name', nature: 'COMPANY' } },
      { viewer: rep },
    );
    expect(result.errors).toEqual([expect.objectContaining(refusal('input.name'))]);
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('refuses a NUL in a search filter', async () => {
    const result = await db.execute(
      '{ customers(filter: { search: "a\\u0000" }) { totalCount } }',
      {},
      { viewer: rep },
    );
    expect(result.errors).toEqual([expect.objectContaining(refusal('filter.search'))]);
  });

  it.each([
    [
      'an inline nested literal',
      'mutation($id: ID!) { addKeyPerson(input: { customerId: $id, name: "王", profile: { family: "x\\u001by" } }) { id } }',
      {},
      'input.profile.family',
      'U+001B',
    ],
    [
      'a nested variable',
      'mutation($id: ID!, $p: KeyPersonProfileInput) { addKeyPerson(input: { customerId: $id, name: "王", profile: $p }) { id } }',
      { p: { interests: 'golf\u0007' } },
      'input.profile.interests',
      'U+0007',
    ],
    [
      'a lone surrogate in a variable',
      'mutation($id: ID!, $name: String!) { addKeyPerson(input: { customerId: $id, name: $name }) { id } }',
      { name: 'a\ud800' },
      'input.name',
      'U+D800',
    ],
  ])('names the path of %s and writes nothing', async (_case, query, variables, field, codePoint) => {
    const before = await tableCounts(db.orm);
    const id = toGlobalId('Customer', customer.id);
    const result = await db.execute(query, { id, ...variables }, { viewer: rep });
    expect(result.errors).toEqual([expect.objectContaining(refusal(field, codePoint))]);
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('checks a variable default the request did not override', async () => {
    const result = await db.execute(
      'query($s: String = "x\\u0000") { customers(filter: { search: $s }) { totalCount } }',
      {},
      { viewer: rep },
    );
    expect(result.errors).toEqual([expect.objectContaining(refusal('filter.search'))]);
  });

  it('checks arguments inside fragments', async () => {
    const query = `query { ...Q } fragment Q on Query { customers(filter: { search: "\\u0000" }) { totalCount } }`;
    const result = await db.execute(query, {}, { viewer: rep });
    expect(result.errors).toEqual([expect.objectContaining(refusal('filter.search'))]);
  });

  it('lets tabs, line breaks, emoji and Chinese through', async () => {
    const result = await db.execute(
      'mutation($id: ID!, $name: String!, $p: KeyPersonProfileInput) { addKeyPerson(input: { customerId: $id, name: $name, profile: $p }) { name profile { family } } }',
      { id: toGlobalId('Customer', customer.id), name: '王 👍𠮷', p: { family: '妻子：李\r\n\t儿子：王' } },
      { viewer: rep },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      addKeyPerson: { name: '王 👍𠮷', profile: { family: '妻子：李\r\n\t儿子：王' } },
    });
  });
});
