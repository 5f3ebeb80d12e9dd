import { setTimeout as sleep } from 'node:timers/promises';
import { addMonths, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Staff } from '../staff/staff.entity.js';

const db = await testDatabase();
const build = builders(db.orm);
let rep: Staff;
let manager: Staff;

const HISTORY = `query ($id: ID!, $first: Int, $after: String) {
  customer(id: $id) { history(first: $first, after: $after) {
    totalCount
    nodes { id entityType entityId action actor { name } changes { field before after } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  } }
}`;

interface ChangeNode {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  actor: { name: string } | null;
  changes: Array<{ field: string; before: string | null; after: string | null }>;
}
interface HistoryPage {
  customer: {
    history: {
      totalCount: number;
      nodes: ChangeNode[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    };
  };
}

/** Runs a mutation that must succeed; the pause keeps each change's millisecond timestamp distinct. */
async function write<T>(viewer: Staff, mutation: string, variables: object): Promise<T> {
  const result = await db.execute<T>(mutation, variables as Record<string, unknown>, { viewer });
  expect(result.errors).toBeUndefined();
  await sleep(5);
  return result.data as T;
}

let customerId = '';
const ids: Record<string, string> = {};

beforeAll(async () => {
  rep = await build.staff({ name: '王芳' }, StaffRole.ADMIN);
  manager = await build.staff({ name: '赵强' }, StaffRole.ADMIN);
  const created = await write<{ createCustomer: { id: string } }>(
    rep,
    'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
    { input: { name: '旧名', nature: 'COMPANY' } },
  );
  customerId = created.createCustomer.id;
  await write(
    manager,
    'mutation ($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, expectedVersion: 1, input: $input) { id } }',
    { id: customerId, input: { name: '新名', tier: 'IMPORTANT' } },
  );
  const project = await write<{ createProject: { id: string } }>(
    rep,
    'mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    { input: { customerId, name: '扩建', amount: '500.00' } },
  );
  ids.project = project.createProject.id;
  const event = await write<{ addProjectEvent: { id: string } }>(
    manager,
    'mutation ($input: AddProjectEventInput!) { addProjectEvent(input: $input) { id } }',
    { input: { projectId: ids.project, occurredAt: '2026-11-01T08:00:00.000Z', title: '招标' } },
  );
  ids.event = event.addProjectEvent.id;
  const report = await write<{ recordCreditReport: { id: string } }>(
    rep,
    'mutation ($input: RecordCreditReportInput!) { recordCreditReport(input: $input) { id } }',
    {
      input: {
        customerId,
        reportedAt: db.clock.today(),
        validUntil: addMonths(db.clock.today(), 6),
        rating: 'AA',
      },
    },
  );
  ids.report = report.recordCreditReport.id;
  // Another dossier's change must not leak into this one.
  await write(rep, 'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
    input: { name: '别家', nature: 'COMPANY' },
  });
});

const readHistory = (variables: { first?: number; after?: string | null }) =>
  db.execute<HistoryPage>(HISTORY, { id: customerId, ...variables }, { viewer: rep });

const field = (node: ChangeNode | undefined, name: string) =>
  node?.changes.find((change) => change.field === name);

describe('Customer.history', () => {
  it('lists the dossier’s changes newest first with actor, entity, action and field values', async () => {
    const result = await readHistory({ first: 50 });
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.customer.history.nodes ?? [];
    expect(nodes.map((node) => [node.entityType, node.action, node.actor?.name, node.entityId])).toEqual([
      ['CreditReport', 'CREATE', '王芳', ids.report],
      ['ProjectEvent', 'CREATE', '赵强', ids.event],
      ['Project', 'CREATE', '王芳', ids.project],
      ['Customer', 'UPDATE', '赵强', customerId],
      ['Customer', 'CREATE', '王芳', customerId],
    ]);
    const [reportChange, eventChange, projectChange, update, create] = nodes;
    expect(update?.changes).toEqual([
      { field: 'name', before: '旧名', after: '新名' },
      { field: 'tier', before: 'GENERAL', after: 'IMPORTANT' },
    ]);
    expect(field(create, 'name')).toEqual({ field: 'name', before: null, after: '旧名' });
    expect(field(projectChange, 'amount')).toEqual({ field: 'amount', before: null, after: '500.00' });
    expect(field(projectChange, 'customerId')).toEqual({
      field: 'customerId',
      before: null,
      after: customerId,
    });
    expect(field(eventChange, 'title')).toEqual({ field: 'title', before: null, after: '招标' });
    expect(field(reportChange, 'rating')).toEqual({ field: 'rating', before: null, after: 'AA' });
    expect(result.data?.customer.history.totalCount).toBe(5);
  });

  it('pages with first: 2 and after through every change exactly once', async () => {
    const all = (await readHistory({ first: 50 })).data?.customer.history.nodes.map((node) => node.id);
    const seen: string[] = [];
    const pages: Array<{ hasNextPage: boolean; hasPreviousPage: boolean }> = [];
    let after: string | null = null;
    do {
      const result: { data?: HistoryPage | null } = await readHistory({ first: 2, after });
      const history = result.data?.customer.history;
      seen.push(...(history?.nodes.map((node) => node.id) ?? []));
      pages.push({
        hasNextPage: history?.pageInfo.hasNextPage ?? false,
        hasPreviousPage: history?.pageInfo.hasPreviousPage ?? false,
      });
      after = history?.pageInfo.hasNextPage ? history.pageInfo.endCursor : null;
    } while (after && pages.length < 10);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(5);
    expect(pages).toEqual([
      { hasNextPage: true, hasPreviousPage: false },
      { hasNextPage: true, hasPreviousPage: true },
      { hasNextPage: false, hasPreviousPage: true },
    ]);
  });

  it('answers an empty page for first: 0 while still telling that rows exist', async () => {
    const result = await readHistory({ first: 0 });
    expect(result.data?.customer.history).toMatchObject({
      nodes: [],
      totalCount: 5,
      pageInfo: { hasNextPage: true, endCursor: null },
    });
  });

  it.each([
    [{ first: 201 }, 'first'],
    [{ first: -1 }, 'first'],
    [{ after: '!!!' }, 'after'],
    [{ after: Buffer.from('["2026-11-01T00:00:00.000Z","not-a-uuid"]').toString('base64url') }, 'after'],
    [
      { after: Buffer.from('["yesterday","00000000-0000-4000-8000-000000000000"]').toString('base64url') },
      'after',
    ],
    // change.at keeps milliseconds: a finer time names no row, so no cursor of this API carries one.
    [
      {
        after: Buffer.from('["2026-11-01T00:00:00.123456Z","00000000-0000-4000-8000-000000000000"]').toString(
          'base64url',
        ),
      },
      'after',
    ],
  ])('refuses %j with BAD_USER_INPUT naming %s', async (variables, name) => {
    const result = await readHistory(variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: name });
  });

  it('gives a Change a global id of its own, distinct from the changed record’s', async () => {
    const nodes = (await readHistory({ first: 1 })).data?.customer.history.nodes ?? [];
    expect(Buffer.from(nodes[0]?.id ?? '', 'base64url').toString()).toMatch(/^Change:[0-9a-f-]{36}$/);
    expect(nodes[0]?.entityId).toBe(ids.report);
  });
});
