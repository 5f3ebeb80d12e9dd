import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  AssignDecisionRoleDocument,
  RemoveDecisionRoleDocument,
  RolesTabDocument,
} from '../../../apollo/generated';
import { renderTab } from '../../../test/renderTab';
import { RolesTab } from './RolesTab';

const customerId = 'Customer:1';
const factory = { __typename: 'Project', id: 'Project:5', name: '智慧工厂二期' };

const staff = (id: string, name: string, active = true) => ({ __typename: 'Staff', id, name, active });
const link = (id: string, state: string, who: ReturnType<typeof staff>) => ({
  __typename: 'Relationship',
  id,
  state,
  staff: who,
});
const role = (
  id: string,
  value: string,
  influence: string,
  project: typeof factory | null,
  concerns: string | null,
) => ({
  __typename: 'DecisionRoleAssignment',
  id,
  role: value,
  influence,
  concerns,
  version: 3,
  project,
});

const liWei = staff('Staff:1', '李伟');
const wangFang = staff('Staff:2', '王芳');
const departed = staff('Staff:3', '赵强', false);

const zhang = {
  __typename: 'KeyPerson',
  id: 'KeyPerson:1',
  name: '张建国',
  title: '总经理',
  active: true,
  // The departed rep's POSITIVE link no longer counts: our best is NEUTRAL.
  relationships: [link('Relationship:1', 'NEUTRAL', liWei), link('Relationship:2', 'POSITIVE', departed)],
  roles: [
    role('DecisionRoleAssignment:1', 'DECISION_MAKER', 'HIGH', null, '投资回报'),
    role('DecisionRoleAssignment:2', 'ECONOMIC_BUYER', 'HIGH', factory, null),
  ],
};
const liu = {
  __typename: 'KeyPerson',
  id: 'KeyPerson:2',
  name: '刘洋',
  title: null,
  active: true,
  relationships: [link('Relationship:3', 'POSITIVE', wangFang), link('Relationship:4', 'POSITIVE', liWei)],
  roles: [role('DecisionRoleAssignment:3', 'TECHNICAL_BUYER', 'MEDIUM', factory, '系统稳定性')],
};
const chen = {
  __typename: 'KeyPerson',
  id: 'KeyPerson:3',
  name: '陈静',
  title: '采购经理',
  active: true,
  relationships: [],
  roles: [],
};

const tabMock = {
  request: { query: RolesTabDocument, variables: { customerId } },
  result: {
    data: {
      customer: {
        __typename: 'Customer',
        id: customerId,
        keyPersons: [zhang, liu, chen],
        projects: {
          __typename: 'ProjectConnection',
          nodes: [
            { __typename: 'Project', id: factory.id, name: factory.name },
            { __typename: 'Project', id: 'Project:6', name: '仓储改造' },
          ],
        },
      },
    },
  },
};

function rowsOf(caption: string) {
  const table = screen.getByRole('table', { name: caption });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [within(row).getByRole('rowheader'), ...within(row).getAllByRole('cell')]
        .map((cell) => cell.textContent)
        .slice(0, 5),
    );
}

const removeZhangsRole = () => screen.getByRole('button', { name: 'Remove Decision maker role of 张建国' });

describe('RolesTab', () => {
  it('lays out the role table for purchases in general and per project, with our best relationship', async () => {
    await renderTab(<RolesTab customerId={customerId} />, { mocks: [tabMock] });

    expect(await screen.findByRole('table', { name: 'Purchases in general' })).toBeTruthy();
    expect(rowsOf('Purchases in general')).toEqual([
      ['张建国 · 总经理', 'Decision maker', 'High', '投资回报', 'Neutral · 李伟'],
    ]);
    expect(rowsOf('智慧工厂二期')).toEqual([
      ['张建国 · 总经理', 'Economic buyer', 'High', '', 'Neutral · 李伟'],
      ['刘洋', 'Technical buyer', 'Medium', '系统稳定性', 'Positive · 王芳, 李伟'],
    ]);
    // A project nobody has a role in gets no empty table.
    expect(screen.queryByRole('table', { name: '仓储改造' })).toBeNull();
  });

  it('shows a reader (analyst, archivist) the tables with nothing to assign or remove', async () => {
    await renderTab(<RolesTab customerId={customerId} />, { mocks: [tabMock], mayEdit: false });

    expect(await screen.findByRole('table', { name: 'Purchases in general' })).toBeTruthy();
    expect(rowsOf('智慧工厂二期')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Assign a role' })).toBeNull();
    expect(screen.queryAllByRole('button', { name: /^Remove/ })).toEqual([]);
  });

  it('labels roles in Chinese', async () => {
    await renderTab(<RolesTab customerId={customerId} />, { mocks: [tabMock], language: 'zh-CN' });

    expect(await screen.findByRole('table', { name: '一般采购' })).toBeTruthy();
    expect(rowsOf('智慧工厂二期')[1]).toEqual([
      '刘洋',
      '技术把关',
      '中',
      '系统稳定性',
      '积极的 · 王芳, 李伟',
    ]);
  });

  it('shows an assigned role in its project table at once', async () => {
    const input = {
      keyPersonId: chen.id,
      projectId: factory.id,
      role: 'GATEKEEPER',
      influence: 'LOW',
      concerns: '价格',
    };
    const saved = role('DecisionRoleAssignment:9', 'GATEKEEPER', 'LOW', factory, '价格');
    await renderTab(<RolesTab customerId={customerId} />, {
      mocks: [
        tabMock,
        {
          request: { query: AssignDecisionRoleDocument, variables: { input } },
          delay: 30,
          result: {
            data: {
              assignDecisionRole: {
                ...saved,
                keyPerson: { __typename: 'KeyPerson', id: chen.id, roles: [saved] },
              },
            },
          },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Assign a role' }));
    const dialog = screen.getByRole('dialog', { name: 'Assign a role' });
    fireEvent.change(within(dialog).getByLabelText('Key person'), { target: { value: chen.id } });
    fireEvent.change(within(dialog).getByLabelText('Project'), { target: { value: factory.id } });
    fireEvent.change(within(dialog).getByLabelText('Role'), { target: { value: 'GATEKEEPER' } });
    fireEvent.change(within(dialog).getByLabelText('Influence'), { target: { value: 'LOW' } });
    fireEvent.change(within(dialog).getByLabelText('Concerns'), { target: { value: '价格' } });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const added = ['陈静 · 采购经理', 'Gatekeeper', 'Low', '价格', 'No relationship yet'];
    expect(rowsOf('智慧工厂二期')[2]).toEqual(added);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(rowsOf('智慧工厂二期')).toHaveLength(3);
    expect(rowsOf('智慧工厂二期')[2]).toEqual(added);
  });

  it('removes a role with the version it was read at', async () => {
    await renderTab(<RolesTab customerId={customerId} />, {
      mocks: [
        tabMock,
        {
          request: {
            query: RemoveDecisionRoleDocument,
            variables: { id: 'DecisionRoleAssignment:1', expectedVersion: 3 },
          },
          delay: 30,
          result: { data: { removeDecisionRole: true } },
        },
      ],
    });
    await screen.findByRole('table', { name: 'Purchases in general' });

    fireEvent.click(removeZhangsRole());

    expect(screen.queryByRole('table', { name: 'Purchases in general' })).toBeNull();
    // Past the server's answer: a mismatched id or version would come back as an error alert.
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('table', { name: 'Purchases in general' })).toBeNull();
    expect(rowsOf('智慧工厂二期')).toHaveLength(2);
  });

  it('brings a role back with their change when the removal conflicts, and removes it on reapply', async () => {
    const removal = (expectedVersion: number) => ({
      query: RemoveDecisionRoleDocument,
      variables: { id: 'DecisionRoleAssignment:1', expectedVersion },
    });
    // Someone else lowered the influence of 张建国's general role meanwhile.
    const changed = {
      ...zhang,
      roles: zhang.roles.map((r) => (r.project ? r : { ...r, influence: 'MEDIUM', version: 4 })),
    };
    const reloaded = structuredClone(tabMock);
    reloaded.result.data.customer.keyPersons = [changed, liu, chen];
    await renderTab(<RolesTab customerId={customerId} />, {
      mocks: [
        tabMock,
        {
          request: removal(3),
          result: {
            errors: [
              new GraphQLError('DecisionRoleAssignment was changed by someone else; reload and try again', {
                extensions: { code: 'VERSION_CONFLICT', currentVersion: 4 },
              }),
            ],
          },
        },
        reloaded,
        { request: removal(4), result: { data: { removeDecisionRole: true } } },
      ],
    });
    await screen.findByRole('table', { name: 'Purchases in general' });

    fireEvent.click(removeZhangsRole());

    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe('Someone changed this: reload and reapply.');
    // The notice comes at once; the saved values arrive with the reload it starts.
    await waitFor(() => {
      const [, row] = within(alert).getAllByRole('row');
      expect([...(row?.children ?? [])].map((cell) => cell.textContent)).toEqual([
        '张建国',
        'Decision maker · Medium · 投资回报',
        'Removed',
      ]);
      expect(rowsOf('Purchases in general')).toEqual([
        ['张建国 · 总经理', 'Decision maker', 'Medium', '投资回报', 'Neutral · 李伟'],
      ]);
    });

    fireEvent.click(within(alert).getByRole('button', { name: 'Reapply my change' }));

    await waitFor(() => expect(screen.queryByRole('table', { name: 'Purchases in general' })).toBeNull());
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
