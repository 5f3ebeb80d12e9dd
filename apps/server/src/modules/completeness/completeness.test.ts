import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Staff } from '../staff/staff.entity.js';

const db = await testDatabase({ clock: fixedClock('2026-11-20T04:00:00Z') });
const build = builders(db.orm);
let admin: Staff;

beforeAll(async () => {
  admin = await build.staff({}, StaffRole.ADMIN);
});

const ONE = `query ($id: ID!) { customer(id: $id) { completeness { score missing { code section } } } }`;

describe('Customer.completeness', () => {
  it('lists what a thin dossier misses with where to fill it in, and rises as it is filled', async () => {
    const customer = await build.customer({ region: '华东', owner: build.ref(Staff, admin) });
    const read = async () =>
      (
        await db.execute<{ customer: { completeness: unknown } }>(
          ONE,
          { id: toGlobalId('Customer', customer.id) },
          { viewer: admin },
        )
      ).data?.customer.completeness;
    expect(await read()).toEqual({
      // region 4 + owner 4 + reviewed (created today) 10
      score: 18,
      missing: [
        { code: 'MISSING_INDUSTRY', section: 'BASIC' },
        { code: 'MISSING_ADDRESS', section: 'BASIC' },
        { code: 'MISSING_PHONE', section: 'BASIC' },
        { code: 'MISSING_LEGAL_REPRESENTATIVE', section: 'BASIC' },
        { code: 'CHARACTERISTICS_INCOMPLETE', section: 'CHARACTERISTICS' },
        { code: 'NO_KEY_PERSON', section: 'KEY_PERSONS' },
        { code: 'NO_DECISION_MAKER', section: 'RELATIONSHIPS' },
        { code: 'NO_CREDIT_REPORT', section: 'CREDIT' },
        { code: 'NO_COMPETITOR', section: 'COMPETITORS' },
      ],
    });
    const person = await build.keyPerson(customer, { title: '总经理' });
    await build.role(person);
    // a key person (10) with a title (6) and a role (8); the decision maker is not related to us yet
    expect(await read()).toMatchObject({ score: 42 });
    await build.relationship(person, admin);
    expect(await read()).toMatchObject({ score: 52 });
  });

  it('counts the days of the request’s clock, not the process’s', async () => {
    const customer = await build.customer({ region: '华东', owner: build.ref(Staff, admin) });
    const id = toGlobalId('Customer', customer.id);
    // 73 days after it was opened and never reviewed: past the 60-day review interval.
    const later = await db.execute<{ customer: { completeness: { score: number; missing: unknown[] } } }>(
      ONE,
      { id },
      { viewer: admin, clock: fixedClock('2027-02-01T04:00:00Z') },
    );
    expect(later.data?.customer.completeness.score).toBe(8);
    expect(later.data?.customer.completeness.missing).toContainEqual({
      code: 'REVIEW_OVERDUE',
      section: 'REVIEW',
    });
  });

  it('answers a page of 20 customers in one statement for all their scores', async () => {
    for (let i = 0; i < 20; i += 1) await build.customer({ code: `BATCH${String(i).padStart(2, '0')}` });
    const query = `{ customers(first: 20, filter: { search: "BATCH" }) { nodes { code completeness { score } } } }`;
    let result: Awaited<ReturnType<typeof db.execute>> | undefined;
    const statements = await db.captureSql(async () => {
      result = await db.execute(query, {}, { viewer: admin });
    });
    expect(result?.errors).toBeUndefined();
    expect(statements.filter((sql) => sql.includes('customer_competitor'))).toHaveLength(1);
    // the page, then the scores of all twenty
    expect(statements).toHaveLength(2);
  });
});
