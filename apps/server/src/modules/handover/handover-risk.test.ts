import { RiskLevel as L, RiskCode as R, RelationshipState as S, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import { riskFixtures, riskThroughApi } from '../risk/risk.fixtures.js';
import { Staff } from '../staff/staff.entity.js';

// A handover moves relationships set-wise, past the ORM flush whose subscriber keeps risk fresh: it must
// refresh the risk of the customers it touched itself, before it commits.

const db = await testDatabase();
const fx = riskFixtures(db.orm);
let manager: Staff;
let receiver: Staff;
/** Owned by the departing rep, whose POSITIVE relationship with its decision maker moves. */
let owned: Customer;
/** Someone else's, where the receiver's NONE and the departing rep's POSITIVE relationship merge. */
let merged: Customer;

const codesOf = async (customer: Customer) =>
  (await riskThroughApi(db, manager, customer))?.signals.map((signal) => [signal.code, signal.level]);

const riskCodes = async () => {
  const result = await db.execute<{ riskCustomers: { nodes: Array<{ code: string }> } }>(
    'query { riskCustomers(first: 50) { nodes { code } } }',
    {},
    { viewer: manager },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.riskCustomers.nodes.map((node) => node.code).sort();
};

beforeAll(async () => {
  manager = await fx.build.staff({}, StaffRole.ADMIN);
  receiver = await fx.build.staff();
  // Left the company: the relationships are still on the books, but cover nobody until handed over.
  const leaving = await fx.build.staff({ active: false });
  const reviewedAt = new Date();
  owned = await fx.build.customer({ code: 'OWNED', owner: fx.build.ref(Staff, leaving), reviewedAt });
  merged = await fx.build.customer({ code: 'MERGED', owner: fx.build.ref(Staff, manager), reviewedAt });
  await fx.decisionMaker(owned, '钱总', S.POSITIVE, leaving);
  const boss = await fx.decisionMaker(merged, '孙总', S.POSITIVE, leaving);
  await fx.build.relationship(boss, receiver, S.NONE);

  expect(await codesOf(owned)).toEqual([[R.UNCOVERED_DECISION_MAKER, L.MEDIUM]]);
  expect(await codesOf(merged)).toEqual([[R.UNCOVERED_DECISION_MAKER, L.MEDIUM]]);
  expect(await riskCodes()).toEqual(['MERGED', 'OWNED']);

  const transfer = await db.execute(
    'mutation ($from: ID!, $to: ID!) { transferCustomers(fromStaffId: $from, toStaffId: $to) { relationships } }',
    { from: toGlobalId('Staff', leaving.id), to: toGlobalId('Staff', receiver.id) },
    { viewer: manager },
  );
  expect(transfer.errors).toBeUndefined();
});

describe('transferCustomers keeps risk fresh', () => {
  it('a decision maker the receiver now covers is no longer UNCOVERED, moved or merged', async () => {
    expect(await codesOf(owned)).toEqual([]);
    expect(await codesOf(merged)).toEqual([]);
  });

  it('riskCustomers in the very next request lists neither', async () => {
    expect(await riskCodes()).toEqual([]);
  });
});
