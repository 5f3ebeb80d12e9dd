import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Staff } from '../staff/staff.entity.js';
import type { Project } from './project.entity.js';

const db = await testDatabase({ clock: fixedClock('2026-12-31T16:30:00.000Z') });
const build = builders(db.orm);
let rep: Staff;
let projects: Project[];

const ADD_EVENT = `mutation ($input: AddProjectEventInput!) { addProjectEvent(input: $input) { id } }`;
const LOG = `query ($id: ID!, $first: Int, $after: String) {
  project(id: $id) { eventLog(first: $first, after: $after) {
    totalCount nodes { title } pageInfo { hasNextPage endCursor } } }
}`;

type Log = {
  project: {
    eventLog: {
      totalCount: number;
      nodes: Array<{ title: string }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
};

beforeAll(async () => {
  rep = await build.staff({ name: '王芳' }, StaffRole.SALES_REP);
  const customer = await build.customer({ owner: build.ref(Staff, rep) });
  projects = [
    await build.project(customer, { name: 'A', createdAt: new Date('2026-11-01T00:00:00Z') }),
    await build.project(customer, { name: 'B', createdAt: new Date('2026-11-02T00:00:00Z') }),
  ];
  // Recorded out of order: the log orders by when each event happened.
  for (const [project, day, title] of [
    [0, 3, '签约'],
    [0, 1, '初访'],
    [0, 2, '技术交流'],
    [1, 5, '报价'],
  ] as const) {
    const input = {
      projectId: toGlobalId('Project', projects[project]?.id ?? ''),
      title,
      occurredAt: `2026-12-0${day}T02:00:00.000Z`,
    };
    const result = await db.execute(ADD_EVENT, { input }, { viewer: rep });
    expect(result.errors).toBeUndefined();
  }
});

const projectId = (index: number) => toGlobalId('Project', projects[index]?.id ?? '');

describe('Project.eventLog', () => {
  it('pages through the log newest first', async () => {
    const first = await db.execute<Log>(LOG, { id: projectId(0), first: 2 }, { viewer: rep });
    expect(first.data?.project.eventLog).toMatchObject({
      totalCount: 3,
      nodes: [{ title: '签约' }, { title: '技术交流' }],
      pageInfo: { hasNextPage: true },
    });

    const after = first.data?.project.eventLog.pageInfo.endCursor;
    const second = await db.execute<Log>(LOG, { id: projectId(0), first: 2, after }, { viewer: rep });
    expect(second.data?.project.eventLog).toMatchObject({
      nodes: [{ title: '初访' }],
      pageInfo: { hasNextPage: false },
    });
  });

  it("reads the first page of every project's log in one statement", async () => {
    const query = `query ($id: ID!) { customer(id: $id) { projects(first: 10) { nodes {
      name eventLog(first: 1) { nodes { title } pageInfo { hasNextPage } } } } } }`;
    const customerId = toGlobalId('Customer', projects[0]?.customer.id ?? '');
    let result: Awaited<ReturnType<typeof db.execute>> | undefined;
    const statements = await db.captureSql(async () => {
      result = await db.execute(query, { id: customerId }, { viewer: rep });
    });

    expect(result?.data).toEqual({
      customer: {
        projects: {
          nodes: [
            { name: 'B', eventLog: { nodes: [{ title: '报价' }], pageInfo: { hasNextPage: false } } },
            { name: 'A', eventLog: { nodes: [{ title: '签约' }], pageInfo: { hasNextPage: true } } },
          ],
        },
      },
    });
    expect(statements.filter((sql) => sql.includes('from "project_event"'))).toHaveLength(1);
  });

  it('refuses a cursor of another kind of list', async () => {
    const after = Buffer.from(JSON.stringify(['华东', projects[0]?.id])).toString('base64url');
    const result = await db.execute(LOG, { id: projectId(0), after }, { viewer: rep });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
