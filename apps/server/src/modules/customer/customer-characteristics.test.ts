import { CUSTOMER_CHARACTERISTICS, StaffRole } from '@dossier/domain';
import { getMetadataStorage } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Staff } from '../staff/staff.entity.js';
import type { Customer } from './customer.entity.js';

const db = await testDatabase();
const build = builders(db.orm);
let admin: Staff;

beforeAll(async () => {
  admin = await build.staff({}, StaffRole.ADMIN);
});

const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateCustomerInput!) {
  updateCustomer(id: $id, expectedVersion: $v, input: $input) {
    version characteristics { serviceArea salesCapacity industryStanding reputation cooperationIntent businessScope }
  }
}`;
const HISTORY = `query ($id: ID!) {
  customer(id: $id) { history(first: 5) { nodes { action changes { field before after } } } }
}`;
const LIST = `query ($filter: CustomerFilter) {
  customers(first: 20, filter: $filter, orderBy: { field: CODE, direction: ASC }) { nodes { code } }
}`;

type Updated = { updateCustomer: { version: number; characteristics: Record<string, string | null> } };

const gid = (customer: Customer) => toGlobalId('Customer', customer.id);

describe('customer characteristics', () => {
  it('are the fields of CUSTOMER_CHARACTERISTICS in the object type, the input and the filter', () => {
    const fieldsOf = (name: string) =>
      getMetadataStorage()
        .fields.filter((field) => field.target.name === name)
        .map((field) => field.name);
    const expected = CUSTOMER_CHARACTERISTICS.map((c) => c.field);
    expect(fieldsOf('CustomerCharacteristics')).toEqual(expected);
    expect(fieldsOf('CustomerCharacteristicsInput')).toEqual(expected);
    expect(fieldsOf('CustomerCharacteristicsFilter')).toEqual(expected);
  });

  it('are set on the basic sheet, versioned, and each change is in the history', async () => {
    const customer = await build.customer();
    const result = await db.execute<Updated>(
      UPDATE,
      {
        id: gid(customer),
        v: customer.version,
        input: { characteristics: { serviceArea: ' 华东地区 ', salesCapacity: 'HIGH', reputation: 'GOOD' } },
      },
      { viewer: admin },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateCustomer).toEqual({
      version: customer.version + 1,
      characteristics: {
        serviceArea: '华东地区',
        salesCapacity: 'HIGH',
        industryStanding: null,
        reputation: 'GOOD',
        cooperationIntent: null,
        businessScope: null,
      },
    });
    const history = await db.execute<{
      customer: {
        history: { nodes: Array<{ changes: Array<{ field: string; before: unknown; after: unknown }> }> };
      };
    }>(HISTORY, { id: gid(customer) }, { viewer: admin });
    expect(history.data?.customer.history.nodes[0]?.changes).toEqual([
      { field: 'characteristics.reputation', before: null, after: 'GOOD' },
      { field: 'characteristics.salesCapacity', before: null, after: 'HIGH' },
      { field: 'characteristics.serviceArea', before: null, after: '华东地区' },
    ]);
  });

  it('keeps omitted characteristics, clears one given null, and all of them with characteristics: null', async () => {
    const customer = await build.customer();
    const set = (v: number, characteristics: unknown) =>
      db.execute<Updated>(UPDATE, { id: gid(customer), v, input: { characteristics } }, { viewer: admin });
    const versionOf = (result: { data?: Updated | null }) => result.data?.updateCustomer.version ?? -1;
    const first = await set(customer.version, { salesCapacity: 'LOW', cooperationIntent: 'STRONG' });
    const second = await set(versionOf(first), { salesCapacity: null });
    expect(second.data?.updateCustomer.characteristics).toMatchObject({
      salesCapacity: null,
      cooperationIntent: 'STRONG',
    });
    const third = await set(versionOf(second), null);
    expect(third.data?.updateCustomer.characteristics.cooperationIntent).toBeNull();
  });

  it.each([
    [{ serviceArea: 'x'.repeat(301) }, 'input.characteristics.serviceArea'],
    [{ businessScope: 'x'.repeat(1001) }, 'input.characteristics.businessScope'],
  ])('refuses %# naming %s, and changes nothing', async (characteristics, field) => {
    const customer = await build.customer();
    const before = await tableCounts(db.orm);
    const result = await db.execute(
      UPDATE,
      { id: gid(customer), v: customer.version, input: { characteristics } },
      { viewer: admin },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('refuses a stale version with VERSION_CONFLICT', async () => {
    const customer = await build.customer();
    const result = await db.execute(
      UPDATE,
      { id: gid(customer), v: customer.version - 1, input: { characteristics: { reputation: 'POOR' } } },
      { viewer: admin },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('VERSION_CONFLICT');
  });

  it('filters the list: any of the levels given, text containing the words, all conditions together', async () => {
    const strong = (serviceArea: string) =>
      ({ salesCapacity: 'HIGH', serviceArea, reputation: 'GOOD' }) as unknown as Customer['characteristics'];
    await build.customer({ code: 'CH1', characteristics: strong('华东 Jiangsu') });
    await build.customer({ code: 'CH2', characteristics: strong('华南') });
    await build.customer({
      code: 'CH3',
      characteristics: { ...strong('East JIANGSU'), salesCapacity: 'MEDIUM' } as Customer['characteristics'],
    });
    const codes = async (characteristics: unknown) => {
      const result = await db.execute<{ customers: { nodes: Array<{ code: string }> } }>(
        LIST,
        { filter: { characteristics } },
        { viewer: admin },
      );
      expect(result.errors).toBeUndefined();
      return result.data?.customers.nodes.map((node) => node.code).filter((code) => code.startsWith('CH'));
    };
    expect(await codes({ salesCapacity: ['HIGH'] })).toEqual(['CH1', 'CH2']);
    expect(await codes({ salesCapacity: ['HIGH', 'MEDIUM'], serviceArea: 'jiangsu' })).toEqual([
      'CH1',
      'CH3',
    ]);
    expect(await codes({ salesCapacity: ['LOW'] })).toEqual([]);
    expect(await codes({ reputation: ['GOOD'], serviceArea: '华南' })).toEqual(['CH2']);
  });
});
