import { act, fireEvent, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { UpdateCustomerCharacteristicsDocument } from '../../../apollo/generated';
import type { Language } from '../../../i18n';
import { renderWithProviders } from '../../../test/render';
import { CharacteristicsSheet } from './CharacteristicsSheet';
import { noCharacteristics } from './characteristics.fixtures';

const customer = (version: number, characteristics: Record<string, unknown> = {}) => ({
  __typename: 'Customer' as const,
  id: 'c1',
  version,
  characteristics: { ...noCharacteristics, serviceArea: '华东', salesCapacity: 'HIGH', ...characteristics },
});

const update = (input: object, result: object) => ({
  request: {
    query: UpdateCustomerCharacteristicsDocument,
    variables: { id: 'c1', expectedVersion: 3, input },
  },
  result,
});

function renderSheet(mocks: object[] = [], language: Language = 'en') {
  return act(async () => {
    renderWithProviders(<CharacteristicsSheet customer={customer(3) as never} />, {
      mocks: mocks as never,
      language,
    });
  });
}

const sheetValue = (label: string) =>
  screen.getAllByRole('term').find((term) => term.textContent === label)?.nextElementSibling?.textContent;

describe('CharacteristicsSheet', () => {
  it('shows the twelve characteristics with level labels, — where not filled in', async () => {
    await renderSheet();
    expect(screen.getAllByRole('term')).toHaveLength(12);
    expect([sheetValue('Service area'), sheetValue('Sales capacity'), sheetValue('Reputation')]).toEqual([
      '华东',
      'High',
      '—',
    ]);
  });

  it('speaks Chinese to a Chinese user', async () => {
    await renderSheet([], 'zh-CN');
    expect(screen.getByRole('heading', { name: '客户特征' })).toBeTruthy();
    expect([sheetValue('销售能力'), sheetValue('合作意向')]).toEqual(['强', '—']);
  });

  it('saves only the characteristics changed, clearing an emptied one', async () => {
    await renderSheet([
      update(
        { characteristics: { salesCapacity: null, reputation: 'GOOD' } },
        { data: { updateCustomer: customer(4, { salesCapacity: null, reputation: 'GOOD' }) } },
      ),
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Change characteristics' }));
    fireEvent.change(screen.getByLabelText('Sales capacity'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Reputation'), { target: { value: 'GOOD' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(await screen.findByRole('button', { name: 'Change characteristics' })).toBeTruthy();
  });

  it('keeps the form open with the server’s message under the field it refused', async () => {
    const refused = new GraphQLError('too long', {
      extensions: { code: 'BAD_USER_INPUT', field: 'input.characteristics.serviceArea' },
    });
    await renderSheet([update({ characteristics: { serviceArea: 'East' } }, { errors: [refused] })]);
    fireEvent.click(screen.getByRole('button', { name: 'Change characteristics' }));
    fireEvent.change(screen.getByLabelText('Service area'), { target: { value: 'East' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    const field = (await screen.findByLabelText('Service area')).closest('.field') as HTMLElement;
    expect(await within(field).findByText('too long')).toBeTruthy();
  });
});
