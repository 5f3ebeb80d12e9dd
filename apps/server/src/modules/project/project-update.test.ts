import { ProjectStage as S, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { parseGlobalId, toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';

const db = await testDatabase();
const build = builders(db.orm);
let rep: Staff;
let manager: Staff;
let departed: Staff;
let customer: Customer;

beforeAll(async () => {
  rep = await build.staff({ name: '王芳' }, StaffRole.ADMIN);
  manager = await build.staff({ name: '赵强' }, StaffRole.ADMIN);
  departed = await build.staff({ active: false });
  customer = await build.customer({ name: '华东电网' });
});

const CREATE = `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateProjectInput!) {
  updateProject(id: $id, expectedVersion: $v, input: $input) {
    name stage amount expectedCloseDate version owner { name }
  }
}`;
const ADD_EVENT = `mutation ($input: AddProjectEventInput!) { addProjectEvent(input: $input) { id } }`;
const UPDATE_EVENT = `mutation ($id: ID!, $v: Int!, $input: UpdateProjectEventInput!) {
  updateProjectEvent(id: $id, expectedVersion: $v, input: $input) {
    title occurredAt description outcome nextStep version author { name }
  }
}`;

type Updated = { updateProject: { stage: string; version: number } };

async function project(input: Record<string, unknown> = {}) {
  const result = await db.execute<{ createProject: { id: string } }>(
    CREATE,
    { input: { customerId: toGlobalId('Customer', customer.id), name: '变电站改造', ...input } },
    { viewer: rep },
  );
  return result.data?.createProject.id ?? '';
}

const update = (id: string, v: number, input: object) =>
  db.execute<Updated>(UPDATE, { id, v, input }, { viewer: rep });

/** The history of a record: each change's action and its field changes, oldest first. */
async function historyOf(globalId: string) {
  const rows = await db.orm.em.fork().execute(
    `select c.action, c.customer_id, f.field, f.before, f.after from change c
     join field_change f on f.change_id = c.id where c.entity_id = ? order by c.at, f.field`,
    [parseGlobalId(globalId)?.id],
  );
  return rows.map((r) => [r.action, r.field, r.before, r.after]);
}

async function expectRefused(
  mutation: Promise<{ errors?: readonly { extensions?: object }[] }>,
  expected: object,
) {
  const before = await tableCounts(db.orm);
  expect((await mutation).errors?.[0]?.extensions).toMatchObject(expected);
  expect(await tableCounts(db.orm)).toEqual(before);
}

describe('updateProject', () => {
  it('moves a project LEAD → … → WON, one version at a time, each move in the history', async () => {
    const id = await project();
    const stages = [S.QUALIFIED, S.PROPOSAL, S.BIDDING, S.NEGOTIATION, S.WON];
    for (const [n, stage] of stages.entries()) {
      const result = await update(id, n + 1, { stage });
      expect(result.data?.updateProject).toMatchObject({ stage, version: n + 2 });
    }
    const moves = (await historyOf(id)).filter(([action, field]) => action === 'UPDATE' && field === 'stage');
    expect(moves).toEqual([
      ['UPDATE', 'stage', 'LEAD', 'QUALIFIED'],
      ['UPDATE', 'stage', 'QUALIFIED', 'PROPOSAL'],
      ['UPDATE', 'stage', 'PROPOSAL', 'BIDDING'],
      ['UPDATE', 'stage', 'BIDDING', 'NEGOTIATION'],
      ['UPDATE', 'stage', 'NEGOTIATION', 'WON'],
    ]);
    await expectRefused(update(id, 6, { stage: S.NEGOTIATION }), {
      code: 'BAD_USER_INPUT',
      field: 'input.stage',
    });
  });

  it('changes and clears the other fields; omitted ones stay', async () => {
    const id = await project({ amount: '500000.00', expectedCloseDate: '2027-03-31' });
    const changed = await update(id, 1, {
      name: ' 变电站二期 ',
      amount: '650000.50',
      ownerId: toGlobalId('Staff', manager.id),
    });
    expect(changed.data?.updateProject).toEqual({
      name: '变电站二期',
      stage: 'LEAD',
      amount: '650000.50',
      expectedCloseDate: '2027-03-31',
      version: 2,
      owner: { name: '赵强' },
    });
    const cleared = await update(id, 2, { amount: null, expectedCloseDate: null, ownerId: null });
    expect(cleared.data?.updateProject).toMatchObject({ amount: null, expectedCloseDate: null, owner: null });
  });

  it('refuses a stale version with VERSION_CONFLICT and the current version, changing nothing', async () => {
    const id = await project();
    await update(id, 1, { stage: S.QUALIFIED });
    await expectRefused(update(id, 1, { stage: S.LOST }), { code: 'VERSION_CONFLICT', currentVersion: 2 });
  });

  it.each([
    ['an empty name', { name: ' ' }, 'input.name'],
    ['a cleared stage', { stage: null }, 'input.stage'],
    ['a negative amount', { amount: '-1.00' }, 'input.amount'],
  ])('BAD_USER_INPUT for %s, changing nothing', async (_case, input, field) => {
    const id = await project();
    await expectRefused(update(id, 1, input), { code: 'BAD_USER_INPUT', field });
  });

  it('refuses an owner who has left, and an unknown project', async () => {
    const id = await project();
    await expectRefused(update(id, 1, { ownerId: toGlobalId('Staff', departed.id) }), {
      code: 'BAD_USER_INPUT',
      field: 'input.ownerId',
    });
    const unknown = toGlobalId('Project', '00000000-0000-4000-8000-000000000000');
    await expectRefused(update(unknown, 1, { name: 'x' }), { code: 'NOT_FOUND', field: 'id' });
  });
});

describe('updateProjectEvent', () => {
  async function event() {
    const result = await db.execute<{ addProjectEvent: { id: string } }>(
      ADD_EVENT,
      { input: { projectId: await project(), occurredAt: '2026-03-02T02:00:00.000Z', title: '技术交流' } },
      { viewer: rep },
    );
    return result.data?.addProjectEvent.id ?? '';
  }
  const updateEvent = (id: string, v: number, input: object) =>
    db.execute(UPDATE_EVENT, { id, v, input }, { viewer: manager });

  it('records the outcome and next step of an event, keeping its author, in the history', async () => {
    const id = await event();
    const result = await updateEvent(id, 1, {
      outcome: '客户认可方案',
      nextStep: '下周报价',
      description: null,
    });
    expect(result.data).toEqual({
      updateProjectEvent: {
        title: '技术交流',
        occurredAt: '2026-03-02T02:00:00.000Z',
        description: null,
        outcome: '客户认可方案',
        nextStep: '下周报价',
        version: 2,
        author: { name: '王芳' },
      },
    });
    expect((await historyOf(id)).filter(([action]) => action === 'UPDATE')).toEqual([
      ['UPDATE', 'nextStep', null, '下周报价'],
      ['UPDATE', 'outcome', null, '客户认可方案'],
    ]);
  });

  it('refuses a stale version and bad input, changing nothing', async () => {
    const id = await event();
    await updateEvent(id, 1, { title: '方案交流' });
    await expectRefused(updateEvent(id, 1, { title: '又改' }), {
      code: 'VERSION_CONFLICT',
      currentVersion: 2,
    });
    await expectRefused(updateEvent(id, 2, { title: '' }), { code: 'BAD_USER_INPUT', field: 'input.title' });
    await expectRefused(updateEvent(id, 2, { occurredAt: '2999-01-01T00:00:00.000Z' }), {
      code: 'BAD_USER_INPUT',
      field: 'input.occurredAt',
    });
    await expectRefused(updateEvent(id, 2, { outcome: 'x'.repeat(2001) }), {
      code: 'BAD_USER_INPUT',
      field: 'input.outcome',
    });
  });
});
