import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import type { Staff } from '../staff/staff.entity.js';
import { csv } from './import.fixtures.js';

// The care dates arrive from spreadsheets too: a key person's birthday as a month and day, written as
// people write it, and a customer's founding date, never after today.
const db = await testDatabase({ clock: fixedClock('2027-03-10T02:00:00Z') });
const build = builders(db.orm);
let importer: Staff;

beforeAll(async () => {
  importer = await build.staff({}, StaffRole.ADMIN);
  await build.customer({ code: 'CARE' });
});

const IMPORT = `mutation ($input: ImportRecordsInput!) {
  importRecords(input: $input) { kind rows errors { line column message } }
}`;

async function importCsv(rows: string[][]) {
  const content = csv(rows).toString('base64');
  const result = await db.execute<{ importRecords: Record<string, unknown> }>(
    IMPORT,
    { input: { fileName: 'care.csv', contentBase64: content, dryRun: false } },
    { viewer: importer },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.importRecords;
}

const stored = (sql: string) => db.orm.em.fork().execute(sql);

describe('importing care dates', () => {
  it('reads birthdays written 9月14日, 2/29 or 12-01 as month-days', async () => {
    const report = await importCsv([
      ['Customer Code', 'Name', 'Birthday'],
      ['CARE', '周总', '9月14日'],
      ['CARE', '孙经理', '2/29'],
      ['CARE', '李工', '12-01'],
    ]);
    expect(report).toEqual({ kind: 'KEY_PERSONS', rows: 3, errors: [] });
    expect(await stored('select name, profile_birthday from key_person order by profile_birthday')).toEqual([
      { name: '孙经理', profile_birthday: '02-29' },
      { name: '周总', profile_birthday: '09-14' },
      { name: '李工', profile_birthday: '12-01' },
    ]);
  });

  it('refuses a day the month lacks and a founding date after today, naming the column', async () => {
    expect(
      await importCsv([
        ['Customer Code', 'Name', 'Birthday'],
        ['CARE', '王总', '2-30'],
      ]),
    ).toEqual({
      kind: 'KEY_PERSONS',
      rows: 1,
      errors: [{ line: 2, column: 'Birthday', message: 'Birthday must be a month and day such as 09-14' }],
    });
    expect(
      await importCsv([
        ['Code', 'Name', 'Founded On'],
        ['NEW-1', '华东机电', '2027-03-11'],
        ['NEW-2', '江南化工', '2008-05-20'],
      ]),
    ).toEqual({
      kind: 'CUSTOMERS',
      rows: 2,
      errors: [{ line: 2, column: 'Founded On', message: 'Founded On must not be in the future' }],
    });
    expect(await stored(`select count(*)::int as n from customer where code like 'NEW-%'`)).toEqual([
      { n: 0 },
    ]);
  });
});
