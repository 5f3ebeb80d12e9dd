import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';

// 00:30 on 1 January 2027 in Beijing.
const NOW = '2026-12-31T16:30:00.000Z';
// captureSql recognises MikroORM's query lines by their uncoloured "[query] " prefix.
const db = await testDatabase({ clock: fixedClock(NOW) });
const build = builders(db.orm);
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
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

const CREATE = `mutation ($input: CreateProjectInput!) {
  createProject(input: $input) { id name stage amount expectedCloseDate version customer { name } owner { name } }
}`;
const ADD_EVENT = `mutation ($input: AddProjectEventInput!) {
  addProjectEvent(input: $input) { id title outcome occurredAt author { name } project { name } }
}`;
const READ = `query ($id: ID!) {
  project(id: $id) { name customer { name } owner { name } events { title occurredAt author { name } } }
}`;
const PAGE = `query ($id: ID!, $first: Int, $after: String) {
  customer(id: $id) { projects(first: $first, after: $after) {
    totalCount nodes { name } pageInfo { hasNextPage endCursor } } }
}`;

type Created = { createProject: { id: string } };
type Page = {
  customer: {
    projects: {
      totalCount: number;
      nodes: Array<{ name: string }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
};

const customerId = () => toGlobalId('Customer', customer.id);

async function createProject(input: Record<string, unknown>) {
  const result = await db.execute<Created>(CREATE, { input }, { viewer: rep });
  expect(result.errors).toBeUndefined();
  return result.data?.createProject.id ?? '';
}

async function expectRefused(query: string, input: object, code: string, field?: string) {
  const before = await tableCounts(db.orm);
  const result = await db.execute(query, { input }, { viewer: rep });
  expect(result.errors?.[0]?.extensions).toMatchObject(field ? { code, field } : { code });
  expect(await tableCounts(db.orm)).toEqual(before);
}

describe('projects', () => {
  it('creates a project with an exact amount and an owner, and reads it back by id', async () => {
    const result = await db.execute<Created>(
      CREATE,
      {
        input: {
          customerId: customerId(),
          name: ' 变电站改造 ',
          stage: 'BIDDING',
          amount: '1250000.00',
          expectedCloseDate: '2027-03-31',
          ownerId: toGlobalId('Staff', manager.id),
        },
      },
      { viewer: rep },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.createProject).toMatchObject({
      name: '变电站改造',
      stage: 'BIDDING',
      amount: '1250000.00',
      expectedCloseDate: '2027-03-31',
      version: 1,
      customer: { name: '华东电网' },
      owner: { name: '赵强' },
    });
    const id = result.data?.createProject.id ?? '';
    const read = await db.execute(READ, { id }, { viewer: rep });
    expect(read.data).toEqual({
      project: { name: '变电站改造', customer: { name: '华东电网' }, owner: { name: '赵强' }, events: [] },
    });
  });

  it('defaults the stage to LEAD and leaves the owner empty when none is given', async () => {
    const result = await db.execute<Created>(
      CREATE,
      { input: { customerId: customerId(), name: '培训' } },
      { viewer: rep },
    );
    expect(result.data?.createProject).toMatchObject({ stage: 'LEAD', amount: null, owner: null });
  });

  it('answers null for an unknown project id and for an id of another type', async () => {
    const unknown = await db.execute(READ, { id: toGlobalId('Project', UNKNOWN) }, { viewer: rep });
    const customerAsProject = await db.execute(READ, { id: customerId() }, { viewer: rep });
    expect(unknown).toEqual({ data: { project: null } });
    expect(customerAsProject).toEqual({ data: { project: null } });
  });

  it('logs events authored by the viewer, read back in the order they happened', async () => {
    const projectId = await createProject({ customerId: customerId(), name: '配网自动化' });
    const later = await db.execute(
      ADD_EVENT,
      {
        input: { projectId, occurredAt: '2026-10-02T09:00:00.000Z', title: '技术交流', outcome: '认可方案' },
      },
      { viewer: rep },
    );
    expect(later.errors).toBeUndefined();
    expect(later.data?.addProjectEvent).toMatchObject({
      title: '技术交流',
      outcome: '认可方案',
      occurredAt: '2026-10-02T09:00:00.000Z',
      author: { name: '王芳' },
      project: { name: '配网自动化' },
    });
    await db.execute(
      ADD_EVENT,
      { input: { projectId, occurredAt: '2026-09-15T02:30:00.000Z', title: '首次拜访' } },
      { viewer: manager },
    );
    const read = await db.execute<{ project: { events: unknown[] } }>(
      READ,
      { id: projectId },
      { viewer: rep },
    );
    expect(read.data?.project.events).toEqual([
      { title: '首次拜访', occurredAt: '2026-09-15T02:30:00.000Z', author: { name: '赵强' } },
      { title: '技术交流', occurredAt: '2026-10-02T09:00:00.000Z', author: { name: '王芳' } },
    ]);
  });

  it('pages a customer’s projects newest first, ties by id, each exactly once, with the total', async () => {
    const owner = await build.customer();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 8, minute));
    const made = await Promise.all(
      [1, 2, 2, 2, 3].map((minute, i) => build.project(owner, { name: `第${i}期`, createdAt: at(minute) })),
    );
    const newestFirst = [...made]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((project) => project.name);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages += 1) {
      const result: { data?: Page | null } = await db.execute<Page>(
        PAGE,
        { id: toGlobalId('Customer', owner.id), first: 2, after },
        { viewer: rep },
      );
      const projects = result.data?.customer.projects;
      expect(projects?.totalCount).toBe(5);
      seen.push(...(projects?.nodes.map((node) => node.name) ?? []));
      after = projects?.pageInfo.endCursor ?? null;
      if (!projects?.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(newestFirst);
    expect(seen[0]).toBe('第4期');
    expect(seen[4]).toBe('第0期');
  });

  it('serves pages of different sizes of one customer from one window query', async () => {
    const owner = await build.customer();
    for (const minute of [1, 2, 3]) {
      await build.project(owner, {
        name: `P${minute}`,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
      });
    }
    const query = `query ($id: ID!) { customer(id: $id) {
      one: projects(first: 1) { nodes { name } pageInfo { hasNextPage } }
      all: projects(first: 3) { nodes { name } pageInfo { hasNextPage } totalCount }
    } }`;
    let result: Awaited<ReturnType<typeof db.execute>> | undefined;
    const statements = await db.captureSql(async () => {
      result = await db.execute(query, { id: toGlobalId('Customer', owner.id) }, { viewer: rep });
    });
    expect(result?.data).toEqual({
      customer: {
        one: { nodes: [{ name: 'P3' }], pageInfo: { hasNextPage: true } },
        all: {
          nodes: [{ name: 'P3' }, { name: 'P2' }, { name: 'P1' }],
          pageInfo: { hasNextPage: false },
          totalCount: 3,
        },
      },
    });
    expect(statements.filter((sql) => sql.includes('row_number() over'))).toHaveLength(1);
  });

  it.each([
    [{ first: 201 }, 'first'],
    [{ first: -1 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    // A well-formed cursor of a list sorted by name, not by time.
    [{ after: Buffer.from(JSON.stringify(['华东', UNKNOWN])).toString('base64url') }, 'after'],
  ])('refuses the page arguments %j naming %s', async (args, field) => {
    const result = await db.execute(PAGE, { id: customerId(), ...args }, { viewer: rep });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('createProject refuses bad input and writes nothing', () => {
  const valid = () => ({ customerId: customerId(), name: '项目' });
  it.each([
    ['a blank name', { name: '   ' }, 'input.name'],
    ['an oversized name', { name: 'x'.repeat(201) }, 'input.name'],
    ['a negative amount', { amount: '-0.01' }, 'input.amount'],
    ['a malformed customer id', { customerId: 'bogus' }, 'input.customerId'],
    ['a staff id as customer id', { customerId: toGlobalId('Staff', UNKNOWN) }, 'input.customerId'],
    ['a malformed owner id', { ownerId: 'bogus' }, 'input.ownerId'],
  ])('BAD_USER_INPUT for %s', async (_case, change, field) => {
    await expectRefused(CREATE, { ...valid(), ...change }, 'BAD_USER_INPUT', field);
  });

  it('BAD_USER_INPUT for an owner who has left', async () => {
    const ownerId = toGlobalId('Staff', departed.id);
    await expectRefused(CREATE, { ...valid(), ownerId }, 'BAD_USER_INPUT', 'input.ownerId');
  });

  it.each([
    ['customer', { customerId: toGlobalId('Customer', UNKNOWN) }, 'input.customerId'],
    ['owner', { ownerId: toGlobalId('Staff', UNKNOWN) }, 'input.ownerId'],
  ])('NOT_FOUND for an unknown %s', async (_case, change, field) => {
    await expectRefused(CREATE, { ...valid(), ...change }, 'NOT_FOUND', field);
  });

  it.each([
    ['a missing name', { name: undefined }],
    ['a float-like amount', { amount: '1e9' }],
    ['an impossible close date', { expectedCloseDate: '2027-02-30' }],
    ['an unknown stage', { stage: 'SIGNED' }],
  ])('BAD_USER_INPUT before any resolver runs for %s', async (_case, change) => {
    await expectRefused(CREATE, { ...valid(), ...change }, 'BAD_USER_INPUT');
  });
});

describe('addProjectEvent refuses bad input and writes nothing', () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = await createProject({ customerId: customerId(), name: '事件校验' });
  });
  const valid = () => ({ projectId, occurredAt: NOW, title: '拜访' });
  const inDays = (days: number) => new Date(Date.parse(NOW) + days * 86_400_000).toISOString();

  it.each([
    ['a blank title', { title: '' }, 'input.title'],
    ['an oversized title', { title: 'x'.repeat(201) }, 'input.title'],
    ['an oversized outcome', { outcome: 'x'.repeat(2001) }, 'input.outcome'],
    ['a time two days ahead', { occurredAt: inDays(2) }, 'input.occurredAt'],
    ['a time one day and a second ahead', { occurredAt: '2027-01-01T16:30:01.000Z' }, 'input.occurredAt'],
    ['a malformed project id', { projectId: 'bogus' }, 'input.projectId'],
    ['a customer id as project id', { projectId: toGlobalId('Customer', UNKNOWN) }, 'input.projectId'],
  ])('BAD_USER_INPUT for %s', async (_case, change, field) => {
    await expectRefused(ADD_EVENT, { ...valid(), ...change }, 'BAD_USER_INPUT', field);
  });

  it('NOT_FOUND for an unknown project', async () => {
    const change = { projectId: toGlobalId('Project', UNKNOWN) };
    await expectRefused(ADD_EVENT, { ...valid(), ...change }, 'NOT_FOUND', 'input.projectId');
  });

  it('accepts an event up to one day ahead (clock skew, time zones)', async () => {
    const result = await db.execute(
      ADD_EVENT,
      { input: { ...valid(), occurredAt: inDays(1) } },
      { viewer: rep },
    );
    expect(result.errors).toBeUndefined();
    const later = await db.execute(
      ADD_EVENT,
      { input: { ...valid(), occurredAt: inDays(1.5) } },
      { viewer: rep, clock: fixedClock(inDays(0.5)) },
    );
    expect(later.errors).toBeUndefined();
  });

  it.each([
    ['a missing title', { title: undefined }],
    ['a malformed time', { occurredAt: 'yesterday' }],
    // found by the fuzz test: PostgreSQL has no year 0000 and refused the insert
    ['a time in year 0000', { occurredAt: '0000-01-01T00:00:00.000Z' }],
    ['a time before 1900', { occurredAt: '1899-12-31T23:59:59.999Z' }],
  ])('BAD_USER_INPUT before any resolver runs for %s', async (_case, change) => {
    await expectRefused(ADD_EVENT, { ...valid(), ...change }, 'BAD_USER_INPUT');
  });
});
