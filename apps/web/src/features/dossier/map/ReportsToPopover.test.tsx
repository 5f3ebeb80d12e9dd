import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { MapTabDocument, SetReportsToDocument } from '../../../apollo/generated';
import { renderWithProviders } from '../../../test/render';
import { mapCustomer } from './mapFixture.test-data';
import { toMapModel } from './mapModel';
import { ReportsToPopover } from './ReportsToPopover';

// 李工 reports to nobody here, and the rep dropped his card on 张总's.
const customer = mapCustomer();
const persons = customer.relationshipMap.keyPersons.map((p) =>
  p.id === 'kp-li' ? { ...p, reportsTo: null } : p,
);
const model = toMapModel({ ...customer.relationshipMap, keyPersons: persons }, []);
const request = {
  query: SetReportsToDocument,
  variables: { id: 'kp-li', expectedVersion: 1, reportsToId: 'kp-zhang' },
};
const saved = {
  updateKeyPerson: {
    __typename: 'KeyPerson' as const,
    id: 'kp-li',
    version: 2,
    reportsTo: { __typename: 'KeyPerson' as const, id: 'kp-zhang' },
  },
};
const mapTab = {
  request: { query: MapTabDocument, variables: { customerId: 'cust-1' } },
  result: { data: { me: null, customer } },
};

function renderPopover(mocks: ReadonlyArray<MockLink.MockedResponse>, onClose = vi.fn()) {
  renderWithProviders(
    <ReportsToPopover
      customerId="cust-1"
      model={model}
      person={{ id: 'kp-li', version: 1 }}
      managerId="kp-zhang"
      anchor={{ x: 100, y: 100 }}
      onClose={onClose}
    />,
    { mocks },
  );
  return onClose;
}

describe('ReportsToPopover', () => {
  it('asks first, then saves the new manager with the version read and closes', async () => {
    const result = vi.fn(() => ({ data: saved }));
    const onClose = renderPopover([{ request, result }, mapTab]);
    expect(screen.getByRole('dialog', { name: '李工 reports to 张总?' }).textContent).toContain(
      '李工 reports to 张总?',
    );
    expect(result).not.toHaveBeenCalled();
    // Keyboard: the focus starts on Save, so Enter confirms.
    expect(document.activeElement?.textContent).toBe('Save');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(result).toHaveBeenCalledTimes(1);
  });

  it('stays open with the conflict message when someone changed the person meanwhile, and reads the map again', async () => {
    const reread = vi.fn(() => mapTab.result);
    const onClose = renderPopover([
      {
        request,
        result: { errors: [new GraphQLError('stale', { extensions: { code: 'VERSION_CONFLICT' } })] },
      },
      { ...mapTab, result: reread },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Someone else changed this record. Reload it and try again.',
    );
    expect(onClose).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(reread).toHaveBeenCalledTimes(1));
  });

  it.each([
    { how: 'Cancel', close: () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })) },
    { how: 'Escape', close: () => fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' }) },
  ])('closes on $how without saving', ({ close }) => {
    const result = vi.fn(() => ({ data: saved }));
    const onClose = renderPopover([{ request, result }]);
    close();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(result).not.toHaveBeenCalled();
  });
});
