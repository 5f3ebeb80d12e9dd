import { randomUUID } from 'node:crypto';
import { StaffRole } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { Staff } from '../../modules/staff/staff.entity.js';
import { toGlobalId } from '../graphql/global-id.js';

const db = await testDatabase();
const build = builders(db.orm);

// A small company: a head of sales above a manager above rep A; rep B reports to nobody in that line.
const head = await build.staff({}, StaffRole.SALES_MANAGER);
const manager = await build.staff({ manager: build.ref(Staff, head) }, StaffRole.SALES_MANAGER);
const repA = await build.staff({ manager: build.ref(Staff, manager) });
const repA2 = await build.staff({ manager: build.ref(Staff, manager) });
const repB = await build.staff();
const analyst = await build.staff({}, StaffRole.ANALYST);
const archivist = await build.staff({}, StaffRole.ARCHIVIST);
const admin = await build.staff({}, StaffRole.ADMIN);

const ownedByA = await build.customer({ owner: build.ref(Staff, repA) });
const ownedByB = await build.customer({ owner: build.ref(Staff, repB) });
// B's customers where A holds a relationship, or owns a project: in A's book too.
const relatedToA = await build.customer({ owner: build.ref(Staff, repB) });
await build.relationship(await build.keyPerson(relatedToA), repA);
const projectOfA = await build.customer({ owner: build.ref(Staff, repB) });
await build.project(projectOfA, { owner: build.ref(Staff, repA) });
// A prospect nobody owns yet: in the managers' pool, for them to assign.
const unowned = await build.customer({ owner: null });
const keyPersonOfB = await build.keyPerson(ownedByB);
const keyPersonOfA = await build.keyPerson(ownedByA);

const all = [ownedByA, ownedByB, relatedToA, projectOfA, unowned];
const gid = (type: string, row: { id: string }) => toGlobalId(type, row.id);

async function visibleOf(viewer: Staff) {
  const result = await db.execute<{ customers: { nodes: Array<{ id: string }> } }>(
    '{ customers(first: 200) { nodes { id } } }',
    {},
    { viewer },
  );
  const ids = new Set(result.data?.customers.nodes.map((node) => node.id));
  return all.filter((customer) => ids.has(gid('Customer', customer)));
}

describe('which customers each role reads', () => {
  it.each([
    ['rep A: owned, related and project customers', repA, [ownedByA, relatedToA, projectOfA]],
    ['rep B: owns all but one', repB, [ownedByB, relatedToA, projectOfA]],
    [
      "a manager: their reps' books and the unowned pool",
      manager,
      [ownedByA, relatedToA, projectOfA, unowned],
    ],
    [
      "the head: their whole line's books, transitively, and the unowned pool",
      head,
      [ownedByA, relatedToA, projectOfA, unowned],
    ],
    ['an analyst: everything', analyst, all],
    ['an archivist: everything', archivist, all],
    ['an admin: everything', admin, all],
  ])('%s', async (_label, viewer, expected) => {
    expect(await visibleOf(viewer)).toEqual(expected);
  });

  it('a customer or key person outside the book is null by id, like one that does not exist', async () => {
    const result = await db.execute<Record<string, { id: string } | null>>(
      `query ($c: ID!, $k: ID!, $own: ID!) {
        customer(id: $c) { id } person: node(id: $k) { id } mine: node(id: $own) { id }
      }`,
      {
        c: gid('Customer', ownedByB),
        k: gid('KeyPerson', keyPersonOfB),
        own: gid('KeyPerson', keyPersonOfA),
      },
      { viewer: repA },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      customer: null,
      person: null,
      mine: { id: gid('KeyPerson', keyPersonOfA) },
    });
  });
});

describe('aggregates count only the book', () => {
  it("a manager's team view lists their reps and counts only the customers they read", async () => {
    const result = await db.execute<{
      teamSummary: Array<{ owner: { id: string } | null; customers: number }>;
    }>('{ teamSummary { owner { id } customers } }', {}, { viewer: manager });
    expect(result.errors).toBeUndefined();
    const rows = new Map(result.data?.teamSummary.map((row) => [row.owner?.id ?? null, row.customers]));
    // A's own customer; B's two in A's book count under their owner B; the unowned pool on the last row;
    // nobody else's rep is listed.
    expect(rows.get(gid('Staff', repA))).toBe(1);
    expect(rows.get(gid('Staff', repB))).toBe(2);
    expect(rows.get(gid('Staff', repA2))).toBe(0);
    expect(rows.get(null)).toBe(1);
    expect(rows.size).toBe(4);
  });
});

const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateCustomerInput!) {
  updateCustomer(id: $id, expectedVersion: $v, input: $input) { id creditLimit }
}`;

async function refusal(query: string, variables: Record<string, unknown>, viewer: Staff) {
  const before = await tableCounts(db.orm);
  const result = await db.execute(query, variables, { viewer });
  expect(await tableCounts(db.orm)).toEqual(before);
  return result.errors?.[0]?.extensions?.code;
}

describe('who may change what', () => {
  it('NOT_FOUND for a customer outside the book, FORBIDDEN for a reader role, nothing written', async () => {
    const input = { creditLimit: '1.00' };
    const variables = { id: gid('Customer', ownedByB), v: ownedByB.version, input };
    expect(await refusal(UPDATE, variables, repA)).toBe('NOT_FOUND');
    expect(await refusal(UPDATE, variables, analyst)).toBe('FORBIDDEN');
    expect(await refusal(UPDATE, variables, archivist)).toBe('FORBIDDEN');
  });

  it('a rep edits a customer in their book but cannot give it to a colleague', async () => {
    const id = gid('Customer', relatedToA);
    const edited = await db.execute(
      UPDATE,
      { id, v: relatedToA.version, input: { creditLimit: '9.00' } },
      { viewer: repA },
    );
    expect(edited.errors).toBeUndefined();
    const given = { id, v: relatedToA.version + 1, input: { ownerId: gid('Staff', repA2) } };
    expect(await refusal(UPDATE, given, repA)).toBe('FORBIDDEN');
  });

  it("a rep's new customer is theirs, so it stays in their book", async () => {
    const created = await db.execute<{ createCustomer: { id: string; owner: { id: string } | null } }>(
      'mutation { createCustomer(input: { name: "新客户", nature: COMPANY }) { id owner { id } } }',
      {},
      { viewer: repB },
    );
    expect(created.data?.createCustomer.owner).toEqual({ id: gid('Staff', repB) });
    const id = created.data?.createCustomer.id;
    const read = async (viewer: Staff) =>
      (
        await db.execute<{ customer: { id: string } | null }>(
          'query ($id: ID!) { customer(id: $id) { id } }',
          { id },
          { viewer },
        )
      ).data?.customer;
    expect(await read(repB)).toEqual({ id });
    expect(await read(repA)).toBeNull();
  });

  it('a relationship is recorded only by its own staff member, or their manager', async () => {
    const SET = `mutation ($input: SetRelationshipStateInput!) { setRelationshipState(input: $input) { id } }`;
    const input = (staff: Staff) => ({
      keyPersonId: gid('KeyPerson', keyPersonOfA),
      staffId: gid('Staff', staff),
      state: 'NEGATIVE',
    });
    expect(await refusal(SET, { input: input(repA2) }, repA)).toBe('FORBIDDEN');
    expect(await refusal(SET, { input: input(repA) }, analyst)).toBe('FORBIDDEN');
    const byManager = await db.execute(SET, { input: input(repA2) }, { viewer: manager });
    expect(byManager.errors).toBeUndefined();
  });

  it('a book is handed over by a manager only between reps they manage; an admin any', async () => {
    const TRANSFER = `mutation ($from: ID!, $to: ID!) { transferCustomers(fromStaffId: $from, toStaffId: $to) { customers } }`;
    const between = (from: Staff, to: Staff) => ({ from: gid('Staff', from), to: gid('Staff', to) });
    expect(await refusal(TRANSFER, between(repB, repA), repA)).toBe('FORBIDDEN');
    expect(await refusal(TRANSFER, between(repB, repA), manager)).toBe('FORBIDDEN');
    expect(await refusal(TRANSFER, between(repA, repB), head)).toBe('FORBIDDEN');
    expect(await refusal(TRANSFER, between(repB, repA), analyst)).toBe('FORBIDDEN');
    const moved = await db.execute(TRANSFER, between(repA2, repA), { viewer: head });
    expect(moved.errors).toBeUndefined();
  });

  it('a project is given only within the team, as a customer is: its owner reads the customer', async () => {
    const CREATE = `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
    const project = (owner: Staff) => ({
      input: { customerId: gid('Customer', ownedByA), name: '新项目', ownerId: gid('Staff', owner) },
    });
    expect(await refusal(CREATE, project(repB), repA)).toBe('FORBIDDEN');
    expect(await refusal(CREATE, project(repB), manager)).toBe('FORBIDDEN');
    const mine = await db.execute<{ createProject: { id: string } }>(CREATE, project(repA2), {
      viewer: manager,
    });
    expect(mine.errors).toBeUndefined();
    const UPDATE_PROJECT = `mutation ($id: ID!, $input: UpdateProjectInput!) {
      updateProject(id: $id, expectedVersion: 1, input: $input) { id } }`;
    const given = { id: mine.data?.createProject.id, input: { ownerId: gid('Staff', repB) } };
    expect(await refusal(UPDATE_PROJECT, given, manager)).toBe('FORBIDDEN');
    // And repB does not come to read A's customer through it.
    expect(await visibleOf(repB)).not.toContain(ownedByA);
  });

  it("a decision role names only a project the viewer reads: another's is NOT_FOUND, as a missing one", async () => {
    const ASSIGN = `mutation ($input: AssignDecisionRoleInput!) { assignDecisionRole(input: $input) { id } }`;
    const hidden = await build.project(ownedByB);
    const role = (projectId: string) => ({
      input: { keyPersonId: gid('KeyPerson', keyPersonOfA), projectId, role: 'COACH', influence: 'LOW' },
    });
    const answer = async (projectId: string) => {
      const before = await tableCounts(db.orm);
      const result = await db.execute(ASSIGN, role(projectId), { viewer: repA });
      expect(await tableCounts(db.orm)).toEqual(before);
      return result.errors?.map((error) => [error.extensions?.code, error.extensions?.field]);
    };
    expect(await answer(gid('Project', hidden))).toEqual([['NOT_FOUND', 'input.projectId']]);
    expect(await answer(toGlobalId('Project', randomUUID()))).toEqual([['NOT_FOUND', 'input.projectId']]);
  });

  it('imports are for admins only', async () => {
    const IMPORT = `mutation ($input: ImportRecordsInput!) { importRecords(input: $input) { dryRun } }`;
    const input = { fileName: 'customers.csv', contentBase64: Buffer.from('code,name\n').toString('base64') };
    expect(await refusal(IMPORT, { input }, manager)).toBe('FORBIDDEN');
    expect(await refusal(IMPORT, { input }, analyst)).toBe('FORBIDDEN');
  });
});
