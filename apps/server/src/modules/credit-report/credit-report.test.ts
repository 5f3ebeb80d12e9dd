import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import { addMonths, todayUtc } from './validity.js';

const db = await testDatabase();
const build = builders(db.orm);
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
let analyst: Staff;
let customer: Customer;

beforeAll(async () => {
  analyst = await build.staff({ name: '孙敏' }, StaffRole.ANALYST);
  customer = await build.customer({ name: '江南机械' });
});

const RECORD = `mutation ($input: RecordCreditReportInput!) {
  recordCreditReport(input: $input) {
    id reportedAt validUntil expired rating recommendedLimit summary author { name } customer { name }
  }
}`;
const REPORTS = `query ($id: ID!) {
  customer(id: $id) { creditReports { reportedAt validUntil expired rating author { name } } }
}`;

const today = todayUtc();
const dayBefore = (date: string) => new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);
const customerId = () => toGlobalId('Customer', customer.id);
const valid = () => ({
  customerId: customerId(),
  reportedAt: today,
  validUntil: addMonths(today, 6),
  rating: 'A',
});

async function record(input: object) {
  return db.execute(RECORD, { input }, { viewer: analyst });
}

describe('validity arithmetic', () => {
  it.each([
    ['2026-01-15', 3, '2026-04-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-12-31', 12, '2027-12-31'],
    ['2026-10-31', 1, '2026-11-30'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('credit reports', () => {
  it('records a report by the viewer and lists the customer’s reports newest first with expiry', async () => {
    const old = addMonths(today, -13);
    const first = await record({
      ...valid(),
      reportedAt: old,
      validUntil: addMonths(old, 12),
      rating: 'BBB',
    });
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordCreditReport).toMatchObject({
      reportedAt: old,
      validUntil: addMonths(old, 12),
      expired: true,
      rating: 'BBB',
      author: { name: '孙敏' },
      customer: { name: '江南机械' },
    });
    const second = await record({ ...valid(), recommendedLimit: '800000.00', summary: ' 经营稳健 ' });
    expect(second.data?.recordCreditReport).toMatchObject({
      expired: false,
      recommendedLimit: '800000.00',
      summary: '经营稳健',
    });

    const read = await db.execute(REPORTS, { id: customerId() }, { viewer: analyst });
    expect(read.data).toEqual({
      customer: {
        creditReports: [
          {
            reportedAt: today,
            validUntil: addMonths(today, 6),
            expired: false,
            rating: 'A',
            author: { name: '孙敏' },
          },
          {
            reportedAt: old,
            validUntil: addMonths(old, 12),
            expired: true,
            rating: 'BBB',
            author: { name: '孙敏' },
          },
        ],
      },
    });
  });

  it('accepts a validity of exactly 3 and exactly 12 months', async () => {
    const three = await record({ ...valid(), validUntil: addMonths(today, 3) });
    const twelve = await record({ ...valid(), validUntil: addMonths(today, 12) });
    expect(three.errors).toBeUndefined();
    expect(twelve.errors).toBeUndefined();
  });

  it('counts a report valid until today as not expired (validUntil is inclusive)', async () => {
    const reportedAt = addMonths(today, -3);
    const result = await record({ ...valid(), reportedAt, validUntil: addMonths(reportedAt, 3) });
    expect(result.data?.recordCreditReport).toMatchObject({
      validUntil: addMonths(reportedAt, 3),
      expired: false,
    });
  });
});

describe('recordCreditReport refuses bad input and writes nothing', () => {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  async function expectRefused(change: object, code: string, field?: string) {
    const before = await tableCounts(db.orm);
    const result = await record({ ...valid(), ...change });
    expect(result.errors?.[0]?.extensions).toMatchObject(field ? { code, field } : { code });
    expect(await tableCounts(db.orm)).toEqual(before);
  }

  it.each([
    ['validUntil before reportedAt', { validUntil: addMonths(today, -1) }, 'input.validUntil'],
    ['validity a day short of 3 months', { validUntil: dayBefore(addMonths(today, 3)) }, 'input.validUntil'],
    ['validity over 12 months', { validUntil: addMonths(today, 13) }, 'input.validUntil'],
    [
      'a report dated tomorrow',
      { reportedAt: tomorrow, validUntil: addMonths(tomorrow, 6) },
      'input.reportedAt',
    ],
    ['a negative recommended limit', { recommendedLimit: '-1.00' }, 'input.recommendedLimit'],
    ['an oversized summary', { summary: 'x'.repeat(5001) }, 'input.summary'],
    ['a malformed customer id', { customerId: 'bogus' }, 'input.customerId'],
    ['a staff id as customer id', { customerId: toGlobalId('Staff', UNKNOWN) }, 'input.customerId'],
  ])('BAD_USER_INPUT for %s', async (_case, change, field) => {
    await expectRefused(change, 'BAD_USER_INPUT', field);
  });

  it('NOT_FOUND for an unknown customer', async () => {
    await expectRefused({ customerId: toGlobalId('Customer', UNKNOWN) }, 'NOT_FOUND', 'input.customerId');
  });

  it.each([
    ['a missing rating', { rating: undefined }],
    ['an unknown rating', { rating: 'AAAA' }],
    ['an impossible date', { validUntil: '2027-02-29' }],
    ['a float-like limit', { recommendedLimit: '1e6' }],
  ])('BAD_USER_INPUT before any resolver runs for %s', async (_case, change) => {
    await expectRefused(change, 'BAD_USER_INPUT');
  });
});
