import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { Migration20261129040000_customer_code_seq } from '../../migrations/Migration20261129040000_customer_code_seq.js';
import { csv } from '../import/import.fixtures.js';
import type { Staff } from '../staff/staff.entity.js';
import { reserveCustomerCodes } from './customer-code.js';

const db = await testDatabase();
const build = builders(db.orm);
let manager: Staff;

beforeAll(async () => {
  manager = await build.staff({}, StaffRole.ADMIN);
});

const CREATE = 'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { code } }';
const IMPORT = `mutation ($input: ImportRecordsInput!) {
  importRecords(input: $input) { imported { customers } errors { message } }
}`;

const generated = (n: number) => `C${String(n).padStart(6, '0')}`;

/** The number createCustomer would draw next, read without drawing it. */
async function nextNumber(): Promise<number> {
  const [row] = await db.orm.em
    .fork()
    .execute<Array<{ next: number }>>(
      'select (last_value + is_called::int)::int as next from customer_code_seq',
    );
  return row?.next ?? Number.NaN;
}

async function createWithoutCode() {
  const result = await db.execute<{ createCustomer: { code: string } }>(
    CREATE,
    { input: { name: '新客户', nature: 'COMPANY' } },
    { viewer: manager },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.createCustomer.code;
}

async function importCodes(...codes: string[]) {
  const content = csv([['Customer Code', 'Name'], ...codes.map((code) => [code, `导入客户 ${code}`])]);
  const result = await db.execute(
    IMPORT,
    { input: { fileName: 'customers.csv', contentBase64: content.toString('base64') } },
    { viewer: manager },
  );
  expect(result).toEqual({ data: { importRecords: { imported: { customers: codes.length }, errors: [] } } });
}

describe('generated customer codes', () => {
  it('never hand out a code an import took, however far ahead it is', async () => {
    const next = await nextNumber();
    await importCodes(generated(next), generated(next + 5));
    expect(await createWithoutCode()).toBe(generated(next + 6));
  });

  it('skip a code someone typed before the sequence reached it', async () => {
    const next = await nextNumber();
    const typed = await db.execute(
      CREATE,
      { input: { name: '手工编号', nature: 'COMPANY', code: generated(next) } },
      { viewer: manager },
    );
    expect(typed.errors).toBeUndefined();
    expect(await createWithoutCode()).toBe(generated(next + 1));
  });

  it.each([
    ['a code behind the sequence', (next: number) => generated(next - 1)],
    ['five digits', (next: number) => `C${String(next).padStart(5, '0')}`],
    ['a leading zero generation never writes', (next: number) => `C${String(next + 3).padStart(8, '0')}`],
    ['another prefix', (next: number) => `D${String(next + 3).padStart(6, '0')}`],
    ['beyond the sequence range', () => `C${'9'.repeat(20)}`],
  ])('leave the sequence where it is for %s', async (_case, codeFor) => {
    const next = await nextNumber();
    await db.orm.em.fork().transactional((em) => reserveCustomerCodes(em, [codeFor(next), null]));
    expect(await nextNumber()).toBe(next);
  });
});

describe('the customer_code_seq migration', () => {
  it('moves the sequence past generated-looking codes stored before imports reserved them', async () => {
    const next = await nextNumber();
    await build.customer({ code: generated(next + 40) });
    const migration = new Migration20261129040000_customer_code_seq(db.orm.em.getDriver(), db.orm.config);
    await migration.up();
    for (const query of migration.getQueries()) await db.orm.em.fork().execute(String(query));
    expect(await createWithoutCode()).toBe(generated(next + 41));
  });
});
