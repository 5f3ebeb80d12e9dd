import { DecisionRole, InfluenceLevel, RelationshipState } from '@dossier/domain';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  AssignMapRoleDocument,
  MapCompetitorsDocument,
  MapTabDocument,
  SetFavoursCompetitorDocument,
  UpdateDecisionRoleDocument,
} from '../../../apollo/generated';
import { renderWithProviders } from '../../../test/render';
import { MayEditContext } from '../forms/mayEdit';
import { headerRead } from '../headerRead.test-data';
import { link, mapCustomer, wangWei } from './mapFixture.test-data';
import { toMapModel } from './mapModel';
import { PersonMenu } from './PersonMenu';

const model = toMapModel(mapCustomer().relationshipMap, []);
const mapTab = {
  request: { query: MapTabDocument, variables: { customerId: 'cust-1' } },
  result: { data: { me: null, customer: mapCustomer() } },
};

/** The company's competitors, read by the favours form whenever the menu opens. */
const competitors = {
  request: { query: MapCompetitorsDocument },
  result: {
    data: {
      competitors: [
        { __typename: 'Competitor', id: 'comp-abb', name: 'ABB' },
        { __typename: 'Competitor', id: 'comp-siemens', name: '西门子' },
      ],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function openMenu(
  keyPersonId: string,
  { mocks = [], ...options }: Parameters<typeof renderWithProviders>[1] = {},
) {
  const onClose = vi.fn();
  renderWithProviders(
    <PersonMenu
      customerId="cust-1"
      model={model}
      keyPersonId={keyPersonId}
      version={1}
      anchor={{ x: 0, y: 0 }}
      onOpen={() => undefined}
      onClose={onClose}
    />,
    { ...options, mocks: [competitors, ...mocks] },
  );
  return onClose;
}

describe('PersonMenu', () => {
  it('offers as superior nobody who reports to the person, nor the person', () => {
    openMenu('kp-zhang');
    const options = [...screen.getByLabelText('Reports to').querySelectorAll('option')].map(
      (o) => o.textContent,
    );
    expect(options).toEqual(['Nobody']);
  });

  it('offers the others to someone further down', () => {
    openMenu('kp-li');
    const options = [...screen.getByLabelText('Reports to').querySelectorAll('option')].map(
      (o) => o.textContent,
    );
    expect(options).toEqual(['Nobody', '张总']);
  });

  it('says who can open the door to an uncovered decision maker, and links anyone of ours from the keyboard', () => {
    const onOpen = vi.fn();
    renderWithProviders(
      <PersonMenu
        customerId="cust-1"
        model={model}
        keyPersonId="kp-zhang"
        version={1}
        anchor={{ x: 0, y: 0 }}
        onOpen={onOpen}
        onClose={() => undefined}
      />,
      { mocks: [competitors] },
    );
    expect(screen.getByText('王强 can ask 李工 (Direct report).')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Link' }).textContent).toBe('王强');
    fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    expect(onOpen).toHaveBeenCalledExactlyOnceWith({
      kind: 'new',
      staffId: 'staff-wang',
      keyPersonId: 'kp-zhang',
      anchor: { x: 0, y: 0 },
    });
  });

  it('starts a new link only from staff whose relationships the viewer may record', () => {
    const withColleague = toMapModel(
      mapCustomer([link('rel-2', wangWei, 'kp-li', RelationshipState.NEUTRAL)]).relationshipMap,
      [{ id: 'staff-me', name: '我', mayActFor: true }],
    );
    renderWithProviders(
      <PersonMenu
        customerId="cust-1"
        model={withColleague}
        keyPersonId="kp-zhang"
        version={1}
        anchor={{ x: 0, y: 0 }}
        onOpen={() => undefined}
        onClose={() => undefined}
      />,
      { mocks: [competitors] },
    );
    expect(withColleague.staff.map((s) => s.name)).toEqual(['王伟', '我']);
    const from = [...screen.getByRole('combobox', { name: 'Link' }).querySelectorAll('option')];
    expect(from.map((o) => o.textContent)).toEqual(['我']);
  });

  it('shows a reader (analyst, archivist) the links and no forms to change the person', () => {
    renderWithProviders(
      <MayEditContext.Provider value={false}>
        <PersonMenu
          customerId="cust-1"
          model={toMapModel(mapCustomer().relationshipMap, [])}
          keyPersonId="kp-li"
          version={1}
          anchor={{ x: 0, y: 0 }}
          onOpen={() => undefined}
          onClose={() => undefined}
        />
      </MayEditContext.Provider>,
    );
    expect(screen.getByRole('button', { name: '王强 · Neutral' })).toBeTruthy();
    expect(screen.queryByLabelText('Reports to')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add role' })).toBeNull();
  });

  it('changes the influence of a role held in one write at the version read, assigning nothing', async () => {
    const updated = vi.fn(() => ({
      data: {
        updateDecisionRole: {
          __typename: 'DecisionRoleAssignment',
          id: 'role-1',
          influence: InfluenceLevel.MEDIUM,
          concerns: null,
          version: 2,
        },
      },
    }));
    const assigned = vi.fn(() => ({
      data: { assignDecisionRole: { __typename: 'DecisionRoleAssignment', id: 'role-2' } },
    }));
    const onClose = openMenu('kp-zhang', {
      mocks: [
        {
          request: {
            query: UpdateDecisionRoleDocument,
            variables: { input: { id: 'role-1', expectedVersion: 1, influence: InfluenceLevel.MEDIUM } },
          },
          result: updated,
        },
        { request: { query: AssignMapRoleDocument, variables: () => true }, result: assigned },
        mapTab,
        headerRead('cust-1'),
      ],
    });
    const held = screen.getByRole('button', { name: 'Remove the role Decision maker' }).closest('li');
    expect(held?.textContent).toBe('Decision maker · High×');
    fireEvent.change(screen.getByLabelText('Decision role'), {
      target: { value: DecisionRole.DECISION_MAKER },
    });
    fireEvent.change(screen.getByLabelText('Influence'), { target: { value: InfluenceLevel.MEDIUM } });
    fireEvent.click(screen.getByRole('button', { name: 'Add role' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(updated).toHaveBeenCalledTimes(1);
    expect(assigned).not.toHaveBeenCalled();
  });

  it('assigns a role the person does not hold yet, and the header reads its completeness again', async () => {
    const header = headerRead('cust-1');
    const assigned = vi.fn(() => ({
      data: { assignDecisionRole: { __typename: 'DecisionRoleAssignment', id: 'role-2' } },
    }));
    const onClose = openMenu('kp-zhang', {
      mocks: [
        {
          request: {
            query: AssignMapRoleDocument,
            variables: {
              input: { keyPersonId: 'kp-zhang', role: DecisionRole.COACH, influence: InfluenceLevel.LOW },
            },
          },
          result: assigned,
        },
        mapTab,
        header,
      ],
    });
    fireEvent.change(screen.getByLabelText('Decision role'), { target: { value: DecisionRole.COACH } });
    fireEvent.change(screen.getByLabelText('Influence'), { target: { value: InfluenceLevel.LOW } });
    fireEvent.click(screen.getByRole('button', { name: 'Add role' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(assigned).toHaveBeenCalledTimes(1);
    // The completeness badge follows: a role fills a checklist item.
    await vi.waitFor(() => expect(header.result).toHaveBeenCalledTimes(1));
  });

  it('shows the competitor a person favours and lets a rep change it from the company list', async () => {
    const saved = vi.fn(() => ({
      data: {
        updateKeyPerson: {
          __typename: 'KeyPerson',
          id: 'kp-li',
          version: 2,
          favoursCompetitor: { __typename: 'Competitor', id: 'comp-siemens', name: '西门子' },
        },
      },
    }));
    const onClose = openMenu('kp-li', {
      mocks: [
        {
          request: {
            query: SetFavoursCompetitorDocument,
            variables: { id: 'kp-li', expectedVersion: 1, competitorId: 'comp-siemens' },
          },
          result: saved,
        },
        mapTab,
      ],
    });
    const select = screen.getByLabelText('Favours competitor') as HTMLSelectElement;
    expect(select.value).toBe('comp-abb');
    await vi.waitFor(() =>
      expect([...select.options].map((o) => o.textContent)).toEqual(['No competitor', 'ABB', '西门子']),
    );
    fireEvent.change(select, { target: { value: 'comp-siemens' } });
    const save = screen.getAllByRole('button', { name: 'Save' })[1] as HTMLElement;
    fireEvent.click(save);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(saved).toHaveBeenCalledTimes(1);
  });
});
