import { addDays, addMonths, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';

// 00:30 on 1 January 2027 in Beijing, still 31 December in UTC: the hours the reps found refused.
const db = await testDatabase({ clock: fixedClock('2026-12-31T16:30:00Z') });
const build = builders(db.orm);
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
let analyst: Staff;
let customer: Customer;

beforeAll(async () => {
  analyst = await build.staff({ name: '孙敏' }, StaffRole.ADMIN);
  customer = await build.customer({ name: '江南机械' });
});

const RECORD = `mutation ($input: RecordCreditReportInput!) {
  recordCreditReport(input: $input) {
    id reportedAt validUntil expired rating recommendedLimit summary author { name } customer { name }
    createdAt
  }
}`;
const REPORTS = `query ($id: ID!) {
  customer(id: $id) { creditReports { reportedAt validUntil expired rating author { name } } }
}`;

const today = '2027-01-01';
const customerId = () => toGlobalId('Customer', customer.id);
const valid = () => ({
  customerId: customerId(),
  reportedAt: today,
  validUntil: addMonths(today, 6),
  rating: 'A',
});

async function record(input: object, at?: string) {
  return db.execute(RECORD, { input }, { viewer: analyst, ...(at ? { clock: fixedClock(at) } : {}) });
}

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
  const tomorrow = addDays(today, 1);
  async function expectRefused(change: object, code: string, field?: string) {
    const before = await tableCounts(db.orm);
    const result = await record({ ...valid(), ...change });
    expect(result.errors?.[0]?.extensions).toMatchObject(field ? { code, field } : { code });
    expect(await tableCounts(db.orm)).toEqual(before);
  }

  it.each([
    ['validUntil before reportedAt', { validUntil: addMonths(today, -1) }, 'input.validUntil'],
    [
      'validity a day short of 3 months',
      { validUntil: addDays(addMonths(today, 3), -1) },
      'input.validUntil',
    ],
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

// Beijing midnight is 16:00 UTC: the business day turns there, not at UTC midnight.
describe('the business day of a credit report turns at midnight in Beijing', () => {
  const dated = (reportedAt: string, at: string) =>
    record({ ...valid(), reportedAt, validUntil: addMonths(reportedAt, 3) }, at);

  it.each([
    ['2026-12-31T15:59:59Z', '2027-01-01'],
    ['2027-05-31T15:59:59Z', '2027-06-01'],
  ])('at %s refuses a report dated %s as in the future', async (at, reportedAt) => {
    const result = await dated(reportedAt, at);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reportedAt',
    });
  });

  it.each([
    ['2026-12-31T16:00:00Z', '2027-01-01'],
    ['2027-05-31T16:00:00Z', '2027-06-01'],
    ['2027-05-31T23:59:00Z', '2027-06-01'],
  ])('at %s records a report dated %s, stamped with that instant', async (at, reportedAt) => {
    const result = await dated(reportedAt, at);
    const createdAt = new Date(at).toISOString();
    expect(result.data?.recordCreditReport).toMatchObject({ reportedAt, expired: false, createdAt });
  });

  it.each([
    ['2026-12-31', '2026-12-31T15:59:59Z', false],
    ['2026-12-31', '2026-12-31T16:00:00Z', true],
    ['2027-05-31', '2027-05-31T15:59:59Z', false],
    ['2027-05-31', '2027-05-31T16:00:00Z', true],
    ['2027-05-31', '2027-05-31T23:59:00Z', true],
  ])('a report valid until %s, read at %s, is expired: %s', async (validUntil, at, expired) => {
    const investigated = await build.customer();
    const id = toGlobalId('Customer', investigated.id);
    await record({ ...valid(), customerId: id, reportedAt: addMonths(validUntil, -3), validUntil }, at);
    const read = await db.execute(REPORTS, { id }, { viewer: analyst, clock: fixedClock(at) });
    expect(read.data).toEqual({
      customer: { creditReports: [expect.objectContaining({ validUntil, expired })] },
    });
  });
});
