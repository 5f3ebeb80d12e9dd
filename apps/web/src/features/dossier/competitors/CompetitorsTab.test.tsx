import { StaffRole } from '@dossier/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  CompetitorsTabDocument,
  CreateCompetitorDocument,
  RecordCustomerCompetitorDocument,
  RemoveCustomerCompetitorDocument,
} from '../../../apollo/generated';
import { renderTab } from '../../../test/renderTab';
import { headerRead } from '../headerRead.test-data';
import { CompetitorsTab } from './CompetitorsTab';

const customerId = 'Customer:1';
const abb = { __typename: 'Competitor' as const, id: 'Competitor:abb', name: 'ABB', website: null };
const siemens = {
  __typename: 'Competitor' as const,
  id: 'Competitor:siemens',
  name: '西门子',
  website: null,
};

const presence = (id: string, competitor: typeof abb, sharePercent: string | null, extra = {}) => ({
  __typename: 'CustomerCompetitor' as const,
  id,
  version: 1,
  sharePercent,
  since: null,
  supplies: null,
  strengths: null,
  weaknesses: null,
  notes: null,
  competitor,
  ...extra,
});

function tabMock(presences: ReturnType<typeof presence>[], list = [abb, siemens]) {
  return {
    request: { query: CompetitorsTabDocument, variables: { customerId } },
    result: {
      data: {
        customer: { __typename: 'Customer', id: customerId, competitors: presences },
        competitors: list.map(({ id, name }) => ({ __typename: 'Competitor', id, name })),
      },
    },
  };
}

const items = () => screen.getAllByRole('listitem').map((item) => item.textContent);

describe('CompetitorsTab', () => {
  it('lists the competitors biggest share first, with what is left of the wallet', async () => {
    await renderTab(<CompetitorsTab customerId={customerId} />, {
      mocks: [
        tabMock([
          presence('P:1', abb, '25.00', { strengths: '价格低', since: '2024-03-01' }),
          presence('P:2', siemens, '40.50', { supplies: '变频器' }),
        ]),
      ],
    });
    expect(
      await screen.findByText('Not taken by the competitors recorded: 34.50 % of the spend'),
    ).toBeTruthy();
    expect(items()).toEqual([
      '西门子 · 变频器EditRemove40.50 % of spend',
      'ABBEditRemove25.00 % of spend' + 'Supplying sinceMar 1, 2024Strengths against us价格低',
    ]);
  });

  it('shows a reader the list in Chinese without any action', async () => {
    await renderTab(<CompetitorsTab customerId={customerId} />, {
      mocks: [tabMock([presence('P:1', abb, null)])],
      mayEdit: false,
      language: 'zh-CN',
    });
    expect(await screen.findByText('份额未估计')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '记录竞争对手' })).toBeNull();
    expect(screen.queryByRole('button', { name: '修改' })).toBeNull();
  });

  it('records a competitor from the list with a share; the row appears and the server’s error shows by the field', async () => {
    const input = {
      customerId,
      competitorId: siemens.id,
      sharePercent: '80',
      since: null,
      supplies: null,
      strengths: null,
      weaknesses: null,
      notes: null,
    };
    const header = headerRead(customerId);
    await renderTab(<CompetitorsTab customerId={customerId} />, {
      mocks: [
        tabMock([presence('P:1', abb, '25.00')]),
        header,
        {
          request: { query: RecordCustomerCompetitorDocument, variables: { input } },
          result: {
            errors: [
              new GraphQLError('input.sharePercent would make the shares exceed 100 %', {
                extensions: { code: 'BAD_USER_INPUT', field: 'input.sharePercent' },
              }),
            ],
          },
        },
        {
          request: {
            query: RecordCustomerCompetitorDocument,
            variables: { input: { ...input, sharePercent: '60' } },
          },
          result: {
            data: {
              recordCustomerCompetitor: {
                ...presence('P:2', siemens, '60.00'),
                customer: { __typename: 'Customer', id: customerId },
              },
            },
          },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Record a competitor' }));
    const dialog = screen.getByRole('dialog', { name: 'Record a competitor' });
    // ABB is already there: only 西门子 is offered, and a rep may not add to the list.
    const select = within(dialog).getByLabelText('Competitor') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['西门子']);
    const share = within(dialog).getByLabelText('Estimated share of spend (%)');
    fireEvent.change(share, { target: { value: '80' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('input.sharePercent would make the shares exceed 100 %'),
    ).toBeTruthy();
    fireEvent.change(share, { target: { value: '60' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(items()).toEqual(['西门子EditRemove60.00 % of spend', 'ABBEditRemove25.00 % of spend']);
    // A competitor present is part of the dossier's completeness: the header reads its badge again, once.
    await waitFor(() => expect(header.result).toHaveBeenCalledTimes(1));
  });

  it('lets a manager add a new competitor to the list while recording it', async () => {
    const schneider = {
      __typename: 'Competitor' as const,
      id: 'Competitor:sch',
      name: '施耐德',
      website: null,
    };
    await renderTab(<CompetitorsTab customerId={customerId} />, {
      role: StaffRole.SALES_MANAGER,
      mocks: [
        tabMock([], []),
        {
          request: { query: CreateCompetitorDocument, variables: { input: { name: '施耐德' } } },
          result: {
            data: { createCompetitor: { __typename: 'Competitor', id: schneider.id, name: '施耐德' } },
          },
        },
        tabMock([], [schneider]),
        headerRead(customerId),
        {
          request: {
            query: RecordCustomerCompetitorDocument,
            variables: {
              input: {
                customerId,
                competitorId: schneider.id,
                sharePercent: null,
                since: null,
                supplies: null,
                strengths: null,
                weaknesses: null,
                notes: null,
              },
            },
          },
          result: {
            data: {
              recordCustomerCompetitor: {
                ...presence('P:3', schneider, null),
                customer: { __typename: 'Customer', id: customerId },
              },
            },
          },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Record a competitor' }));
    const dialog = screen.getByRole('dialog', { name: 'Record a competitor' });
    expect((within(dialog).getByLabelText('Competitor') as HTMLSelectElement).value).toBe('__new__');
    fireEvent.change(within(dialog).getByLabelText('Name of the new competitor'), {
      target: { value: '施耐德' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(items()).toEqual(['施耐德EditRemoveShare not estimated']);
  });

  it('removes a competitor at the version read, once the rep confirms', async () => {
    const header = headerRead(customerId);
    await renderTab(<CompetitorsTab customerId={customerId} />, {
      mocks: [
        tabMock([presence('P:1', abb, '25.00')]),
        header,
        {
          request: { query: RemoveCustomerCompetitorDocument, variables: { id: 'P:1', expectedVersion: 1 } },
          result: { data: { removeCustomerCompetitor: true } },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove ABB' }));
    const confirm = screen.getByRole('group', { name: 'Remove ABB from this dossier?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('No competitors recorded yet.')).toBeTruthy();
    await waitFor(() => expect(header.result).toHaveBeenCalledTimes(1));
  });
});
