import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { BasicTabDocument, UpdateCustomerDocument } from '../../../apollo/generated';
import { renderWithProviders } from '../../../test/render';
import { BasicTab } from './BasicTab';
import { noCharacteristics } from './characteristics.fixtures';

const customer = (version: number, changes: Record<string, unknown> = {}) => ({
  __typename: 'Customer',
  id: 'c1',
  version,
  name: '上海同创电力',
  nature: 'COMPANY',
  tier: 'GENERAL',
  lifecycle: 'ACTIVE',
  industry: 'Power',
  region: '华东',
  city: '上海',
  address: null,
  phone: null,
  website: null,
  legalRepresentative: null,
  foundedOn: null,
  creditLimit: '500000.00',
  parent: null,
  branches: [{ __typename: 'Customer', id: 'c2', name: '同创苏州分公司', branches: [] }],
  sheetLinks: [],
  weeklyChecks: [],
  characteristics: noCharacteristics,
  ...changes,
});

const read = (version: number, changes?: Record<string, unknown>) => ({
  request: { query: BasicTabDocument, variables: { customerId: 'c1' } },
  result: { data: { customer: customer(version, changes) } },
});

const update = (expectedVersion: number, result: object, delay = 0) => ({
  request: {
    query: UpdateCustomerDocument,
    variables: { id: 'c1', expectedVersion, input: { industry: 'Robotics' } },
  },
  result,
  delay,
});

const sheetValue = (label: string) =>
  screen.getAllByRole('term').find((term) => term.textContent === label)?.nextElementSibling?.textContent;

async function editIndustry() {
  fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
  fireEvent.change(screen.getByLabelText('Industry'), { target: { value: 'Robotics' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
}

/** Awaited in `act`: the tab suspends until its query answers. */
function renderTab(mocks: object[]) {
  return act(async () => {
    renderWithProviders(
      <Suspense fallback="loading">
        <BasicTab customerId="c1" />
      </Suspense>,
      { mocks: mocks as never },
    );
  });
}

describe('BasicTab', () => {
  it('shows the sheet with labels and the branch tree', async () => {
    await renderTab([read(3)]);
    expect(await screen.findByRole('heading', { name: 'Basic sheet' })).toBeTruthy();
    expect(sheetValue('Nature')).toBe('Company');
    expect(sheetValue('Address')).toBe('—');
    expect(screen.getByRole('link', { name: '同创苏州分公司' }).getAttribute('href')).toBe(
      '/customers/c2/basic',
    );
  });

  it('saves only the changed field at the version read, showing it before the server answers', async () => {
    await renderTab([
      read(3),
      update(3, { data: { updateCustomer: customer(4, { industry: 'Robotics' }) } }, 200),
    ]);
    await editIndustry();

    // Optimistic: back to the sheet with the new value while the request is still in flight.
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(sheetValue('Industry')).toBe('Robotics');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('saves the founding date picked on the date input and shows it as a date', async () => {
    await renderTab([
      read(3),
      {
        request: {
          query: UpdateCustomerDocument,
          variables: { id: 'c1', expectedVersion: 3, input: { foundedOn: '2008-05-20' } },
        },
        result: { data: { updateCustomer: customer(4, { foundedOn: '2008-05-20' }) } },
      },
    ]);
    expect(await screen.findByRole('heading', { name: 'Basic sheet' })).toBeTruthy();
    expect(sheetValue('Founding date')).toBe('—');
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const input = screen.getByLabelText('Founding date') as HTMLInputElement;
    expect(input.type).toBe('date');
    fireEvent.change(input, { target: { value: '2008-05-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('button', { name: 'Edit' });
    await waitFor(() => expect(sheetValue('Founding date')).toBe('May 20, 2008'));
  });

  it("on VERSION_CONFLICT shows the other person's change and reapplies the user's over it", async () => {
    const conflict = new GraphQLError('changed', {
      extensions: { code: 'VERSION_CONFLICT', currentVersion: 4 },
    });
    await renderTab([
      read(3),
      update(3, { errors: [conflict] }),
      read(4, { industry: 'Machinery', city: '苏州' }),
      update(4, { data: { updateCustomer: customer(5, { industry: 'Robotics', city: '苏州' }) } }),
    ]);
    await editIndustry();

    const alert = await screen.findByRole('alert', { name: 'Someone changed this: reload and reapply.' });
    // The notice comes at once; the saved values arrive with the reload it starts.
    await waitFor(() =>
      expect(
        within(alert)
          .getAllByRole('row')
          .map((row) => row.textContent),
      ).toEqual(['FieldSaved nowYour change', 'IndustryMachineryRobotics', 'City苏州上海']),
    );

    fireEvent.click(within(alert).getByRole('button', { name: 'Reapply my change' }));
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeTruthy();
    // Their city stays; the user's industry is applied on top.
    expect([sheetValue('Industry'), sheetValue('City')]).toEqual(['Robotics', '苏州']);
  });
});
