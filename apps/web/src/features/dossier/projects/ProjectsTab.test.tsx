import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  AddProjectEventDocument,
  EventLogPageDocument,
  ProjectsTabDocument,
  UpdateProjectDocument,
} from '../../../apollo/generated';
import { renderTab } from '../../../test/renderTab';
import { ProjectsTab } from './ProjectsTab';

const customerId = 'Customer:1';
const author = { __typename: 'Staff', id: 'Staff:2', name: '王芳' };

// Seven events, the n-th on November n; the server sends the log newest first, five at a time.
const events = Array.from({ length: 7 }, (_, i) => ({
  __typename: 'ProjectEvent',
  id: `ProjectEvent:${i + 1}`,
  title: `拜访 ${i + 1}`,
  occurredAt: `2026-11-0${i + 1}T02:00:00Z`,
  description: null,
  outcome: i === 6 ? '客户同意试用' : null,
  nextStep: i === 6 ? '安排技术交流' : null,
  author,
}));

const project = {
  __typename: 'Project',
  id: 'Project:5',
  name: '智慧工厂二期',
  stage: 'PROPOSAL',
  amount: '1800000.00',
  expectedCloseDate: '2027-03-31',
  version: 4,
  owner: author,
  eventLog: {
    __typename: 'ProjectEventConnection',
    nodes: events.slice(2).reverse(),
    pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'cursor-3' },
    totalCount: 7,
  },
};

const olderEvents = {
  request: { query: EventLogPageDocument, variables: { projectId: project.id, after: 'cursor-3' } },
  result: {
    data: {
      project: {
        __typename: 'Project',
        id: project.id,
        eventLog: {
          __typename: 'ProjectEventConnection',
          nodes: events.slice(0, 2).reverse(),
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'cursor-1' },
          totalCount: 7,
        },
      },
    },
  },
};

function tabMock(projects: unknown[]) {
  return {
    request: { query: ProjectsTabDocument, variables: { customerId } },
    result: {
      data: {
        customer: {
          __typename: 'Customer',
          id: customerId,
          projects: { __typename: 'ProjectConnection', nodes: projects, totalCount: projects.length },
        },
      },
    },
  };
}

const eventTitles = (card: HTMLElement) =>
  within(within(card).getByRole('list'))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('strong')?.textContent);

describe('ProjectsTab', () => {
  it('shows each project with its figures and its event log newest first, five at a time', async () => {
    await renderTab(<ProjectsTab customerId={customerId} />, { mocks: [tabMock([project]), olderEvents] });

    const card = await screen.findByRole('article', { name: '智慧工厂二期' });
    expect((within(card).getByLabelText('Stage') as HTMLSelectElement).value).toBe('PROPOSAL');
    expect(within(card).getByText('CN¥1,800,000.00')).toBeTruthy();
    expect(within(card).getByText('Mar 31, 2027')).toBeTruthy();
    expect(eventTitles(card)).toEqual(['拜访 7', '拜访 6', '拜访 5', '拜访 4', '拜访 3']);
    expect(within(card).getByText('Outcome: 客户同意试用')).toBeTruthy();
    expect(within(card).getByText('Next step: 安排技术交流')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Show older events (2 more)' }));

    await waitFor(() => expect(eventTitles(card)).toHaveLength(7));
    expect(eventTitles(card)).toEqual(['拜访 7', '拜访 6', '拜访 5', '拜访 4', '拜访 3', '拜访 2', '拜访 1']);
    expect(within(card).queryByRole('button', { name: /Show older events/ })).toBeNull();
  });

  it('shows a reader (analyst, archivist) the stage as a label, with no edits', async () => {
    await renderTab(<ProjectsTab customerId={customerId} />, {
      mocks: [tabMock([project]), olderEvents],
      mayEdit: false,
    });

    const card = await screen.findByRole('article', { name: '智慧工厂二期' });
    expect(within(card).getByText('Proposal').tagName).toBe('P');
    expect(within(card).queryByLabelText('Stage')).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Add an event' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Edit project' })).toBeNull();
  });

  it('moves the stage at once and shows why the server keeps a won project closed', async () => {
    const won = { ...project, stage: 'WON', version: 6 };
    const message = 'input.stage cannot change: the project is closed (WON)';
    await renderTab(<ProjectsTab customerId={customerId} />, {
      mocks: [
        tabMock([won]),
        {
          request: {
            query: UpdateProjectDocument,
            variables: { id: project.id, expectedVersion: 6, input: { stage: 'NEGOTIATION' } },
          },
          delay: 30,
          result: {
            errors: [
              new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: 'input.stage' } }),
            ],
          },
        },
      ],
    });
    const stage = (await screen.findByLabelText('Stage')) as HTMLSelectElement;

    fireEvent.change(stage, { target: { value: 'NEGOTIATION' } });

    expect(stage.value).toBe('NEGOTIATION');
    expect(await screen.findByText(message)).toBeTruthy();
    expect(stage.value).toBe('WON');
    expect(stage.getAttribute('aria-invalid')).toBe('true');
  });

  it('puts a new event on top of the log as soon as it is saved, signed by the rep', async () => {
    const input = {
      projectId: project.id,
      title: '技术交流会',
      occurredAt: new Date('2026-11-20T10:30').toISOString(),
      description: null,
      outcome: '认可方案',
      nextStep: null,
    };
    await renderTab(<ProjectsTab customerId={customerId} />, {
      mocks: [
        tabMock([project]),
        {
          request: { query: AddProjectEventDocument, variables: { input } },
          delay: 30,
          result: {
            data: {
              addProjectEvent: {
                __typename: 'ProjectEvent',
                id: 'ProjectEvent:8',
                ...input,
                author: { __typename: 'Staff', id: 'staff-rep', name: '李伟' },
                project: { __typename: 'Project', id: project.id },
              },
            },
          },
        },
      ],
    });
    const card = await screen.findByRole('article', { name: '智慧工厂二期' });
    fireEvent.click(within(card).getByRole('button', { name: 'Add an event' }));
    const dialog = within(card).getByRole('dialog', { name: 'Add an event' });
    fireEvent.change(within(dialog).getByLabelText('Event'), { target: { value: ' 技术交流会 ' } });
    fireEvent.change(within(dialog).getByLabelText('When'), { target: { value: '2026-11-20T10:30' } });
    fireEvent.change(within(dialog).getByLabelText('Outcome'), { target: { value: '认可方案' } });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(eventTitles(card)[0]).toBe('技术交流会');
    expect(within(card).getAllByText('· 李伟')).toHaveLength(1);
    await waitFor(() => expect(within(card).queryByRole('dialog')).toBeNull());
    expect(eventTitles(card)).toEqual(['技术交流会', '拜访 7', '拜访 6', '拜访 5', '拜访 4', '拜访 3']);
    // Eight events in all now, six of them shown.
    expect(within(card).getByRole('button', { name: 'Show older events (2 more)' })).toBeTruthy();
  });

  it("on a conflicting edit shows their change beside the rep's, and reapplies over it", async () => {
    const input = { name: '智慧工厂二期（扩容）', amount: '2000000', expectedCloseDate: '2027-03-31' };
    const theirs = { ...project, amount: '1950000.00', version: 5 };
    const update = (expectedVersion: number) => ({
      query: UpdateProjectDocument,
      variables: { id: project.id, expectedVersion, input },
    });
    await renderTab(<ProjectsTab customerId={customerId} />, {
      mocks: [
        tabMock([project]),
        {
          request: update(4),
          result: {
            errors: [
              new GraphQLError('Project was changed by someone else; reload and try again', {
                extensions: { code: 'VERSION_CONFLICT', currentVersion: 5 },
              }),
            ],
          },
        },
        // The tab reads the project again: someone else changed the amount.
        tabMock([theirs]),
        {
          request: update(5),
          result: {
            data: {
              updateProject: {
                __typename: 'Project',
                id: project.id,
                name: input.name,
                stage: 'PROPOSAL',
                amount: '2000000.00',
                expectedCloseDate: '2027-03-31',
                version: 6,
              },
            },
          },
        },
      ],
    });
    const card = await screen.findByRole('article', { name: '智慧工厂二期' });
    fireEvent.click(within(card).getByRole('button', { name: 'Edit project' }));
    const dialog = within(card).getByRole('dialog', { name: 'Edit project' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: input.name } });
    fireEvent.change(within(dialog).getByLabelText('Expected amount'), { target: { value: input.amount } });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe('Someone changed this: reload and reapply.');
    // The notice comes at once; the saved values arrive with the reload it starts.
    await waitFor(() =>
      expect(
        within(alert)
          .getAllByRole('row')
          .slice(1)
          .map((row) => [...row.children].map((cell) => cell.textContent)),
      ).toEqual([
        ['Name', '智慧工厂二期', '智慧工厂二期（扩容）'],
        ['Expected amount', 'CN¥1,950,000.00', 'CN¥2,000,000.00'],
      ]),
    );
    // The card behind shows what is saved now.
    expect(within(card).getAllByText('CN¥1,950,000.00').length).toBeGreaterThan(0);

    fireEvent.click(within(alert).getByRole('button', { name: 'Reapply my change' }));

    expect(await screen.findByRole('article', { name: input.name })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('CN¥2,000,000.00')).toBeTruthy();
  });
});
