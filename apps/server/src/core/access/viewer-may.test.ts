import { RelationshipState, StaffRole } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { Staff } from '../../modules/staff/staff.entity.js';
import { toGlobalId } from '../graphql/global-id.js';

const db = await testDatabase();
const build = builders(db.orm);

// Two reporting lines: manager M above rep A, manager N above rep B; A owns the customer, B knows its
// buyer too (which puts the customer in B's book, and N's); C left the company.
const managerM = await build.staff({ name: '经理M' }, StaffRole.SALES_MANAGER);
const managerN = await build.staff({ name: '经理N' }, StaffRole.SALES_MANAGER);
const repA = await build.staff({ name: '销售A', manager: build.ref(Staff, managerM) });
const repB = await build.staff({ name: '销售B', manager: build.ref(Staff, managerN) });
const repC = await build.staff({ name: '销售C', manager: build.ref(Staff, managerM), active: false });
const analyst = await build.staff({ name: '分析师' }, StaffRole.ANALYST);
const archivist = await build.staff({ name: '档案员' }, StaffRole.ARCHIVIST);
const admin = await build.staff({ name: '管理员' }, StaffRole.ADMIN);

const customer = await build.customer({ owner: build.ref(Staff, repA) });
const buyer = await build.keyPerson(customer);
for (const staff of [repA, repB, repC]) await build.relationship(buyer, staff);

const gid = (type: string, row: { id: string }) => toGlobalId(type, row.id);

interface MapLink {
  id: string;
  version: number;
  mayRecord: boolean;
  staff: { id: string; mayActFor: boolean };
}
interface Dossier {
  customer: {
    version: number;
    mayEdit: boolean;
    owner: { id: string; mayActFor: boolean };
    relationshipMap: { relationships: MapLink[] };
  } | null;
}

const DOSSIER = `query ($id: ID!) { customer(id: $id) {
  version mayEdit owner { id mayActFor }
  relationshipMap { relationships { id version mayRecord staff { id mayActFor } } }
} }`;

async function dossierAs(viewer: Staff) {
  const result = await db.execute<Dossier>(DOSSIER, { id: gid('Customer', customer) }, { viewer });
  expect(result.errors).toBeUndefined();
  const read = result.data?.customer;
  if (!read) throw new Error('the customer is outside the viewer’s book');
  return read;
}

/** The mutation's actual outcome: null when it succeeded, else its error code. */
async function outcome(viewer: Staff, query: string, variables: Record<string, unknown>) {
  const result = await db.execute(query, variables, { viewer });
  return result.errors?.[0]?.extensions?.code ?? null;
}

const SET_STATE = `mutation ($input: SetRelationshipStateInput!) { setRelationshipState(input: $input) { id } }`;

describe('what the viewer may do equals what the mutations accept', () => {
  it.each([
    ['rep A: their own link only', repA, [repA]],
    ['rep B: their own link, not the owner’s', repB, [repB]],
    ['manager M: their rep’s link, not another line’s', managerM, [repA]],
    ['manager N: their rep’s link, not another line’s', managerN, [repB]],
    ['an analyst: none', analyst, []],
    ['an archivist: none', archivist, []],
    ['an admin: every active staff member’s link', admin, [repA, repB]],
  ])('relationships — %s', async (_label, viewer, recordable) => {
    const read = await dossierAs(viewer);
    const links = read.relationshipMap.relationships;
    expect(links).toHaveLength(3);
    for (const link of links) {
      const expected = recordable.some((staff) => gid('Staff', staff) === link.staff.id);
      expect({ staff: link.staff.id, mayRecord: link.mayRecord, mayActFor: link.staff.mayActFor }).toEqual({
        staff: link.staff.id,
        mayRecord: expected,
        mayActFor: expected,
      });
      const code = await outcome(viewer, SET_STATE, {
        input: {
          keyPersonId: gid('KeyPerson', buyer),
          staffId: link.staff.id,
          state: RelationshipState.POSITIVE,
          expectedVersion: link.version,
        },
      });
      // Refused for who records it, or (to a dossier writer) because C has left: the flag said so beforehand.
      const writer = viewer !== analyst && viewer !== archivist;
      const refusal = writer && link.staff.id === gid('Staff', repC) ? 'BAD_USER_INPUT' : 'FORBIDDEN';
      expect(code).toBe(link.mayRecord ? null : refusal);
    }
  });

  it.each([
    ['rep A', repA, true, true],
    ['rep B', repB, true, false],
    ['manager M', managerM, true, true],
    ['manager N', managerN, true, false],
    ['an analyst', analyst, false, false],
    ['an archivist', archivist, false, false],
    ['an admin', admin, true, true],
  ])('the dossier and its owner — %s', async (_label, viewer, mayEdit, mayActForOwner) => {
    const read = await dossierAs(viewer);
    expect([read.mayEdit, read.owner.mayActFor]).toEqual([mayEdit, mayActForOwner]);
    const reviewed = await outcome(
      viewer,
      'mutation ($id: ID!) { markCustomerReviewed(id: $id, expectedVersion: null) { id } }',
      { id: gid('Customer', customer) },
    );
    expect(reviewed).toBe(read.mayEdit ? null : 'FORBIDDEN');
    // Naming the same owner again moves nothing, so each case starts from the same book.
    const owned = await outcome(
      viewer,
      `mutation ($id: ID!, $v: Int!, $owner: ID!) {
        updateCustomer(id: $id, expectedVersion: $v, input: { ownerId: $owner }) { id } }`,
      { id: gid('Customer', customer), v: read.version + (read.mayEdit ? 1 : 0), owner: read.owner.id },
    );
    expect(owned).toBe(read.owner.mayActFor ? null : 'FORBIDDEN');
  });
});

describe('batching', () => {
  async function statementsFor(links: number) {
    const dossier = await build.customer({ owner: build.ref(Staff, repA) });
    const person = await build.keyPerson(dossier);
    for (let i = 0; i < links; i++) {
      await build.relationship(person, await build.staff({ manager: build.ref(Staff, managerM) }));
    }
    let read: Dossier['customer'] = null;
    const statements = await db.captureSql(async () => {
      const result = await db.execute<Dossier>(
        DOSSIER,
        { id: gid('Customer', dossier) },
        { viewer: managerM },
      );
      read = result.data?.customer ?? null;
    });
    return { read: read as Dossier['customer'], statements };
  }

  it('a manager reads 1 or 20 links, each with whether they may record it, with the same statements', async () => {
    const one = await statementsFor(1);
    const twenty = await statementsFor(20);
    expect(twenty.read?.relationshipMap.relationships.map((link) => link.mayRecord)).toEqual(
      Array(20).fill(true),
    );
    expect(twenty.statements).toHaveLength(one.statements.length);
  });
});
