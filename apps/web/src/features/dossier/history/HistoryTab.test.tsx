import { act, fireEvent, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { HistoryTabDocument } from '../../../apollo/generated';
import { renderWithProviders } from '../../../test/render';
import { HistoryTab } from './HistoryTab';

const change = (
  id: string,
  entityType: string,
  field: string,
  before: string | null,
  after: string | null,
  via: string | null = null,
) => ({
  __typename: 'Change',
  id,
  at: '2026-11-20T08:30:00Z',
  action: 'UPDATE',
  entityType,
  entityId: `${entityType}-1`,
  via,
  actor: { __typename: 'Staff', id: 's1', name: '魏丽' },
  changes: [
    { __typename: 'FieldChange', field, before, after, beforeName: null, afterName: null, redacted: false },
  ],
});

const page = (nodes: object[], endCursor: string | null) => ({
  data: {
    customer: {
      __typename: 'Customer',
      id: 'c1',
      history: {
        __typename: 'ChangeConnection',
        nodes,
        pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
      },
    },
  },
});

describe('HistoryTab', () => {
  it('shows who changed what from → to, asks the server for the section in the URL and pages within it', async () => {
    const all = { customerId: 'c1' };
    const basic = { customerId: 'c1', sections: ['BASIC'] };
    const { router } = await act(async () =>
      renderWithProviders(
        <Suspense fallback="loading">
          <HistoryTab customerId="c1" />
        </Suspense>,
        {
          path: '/customers/c1/history',
          mocks: [
            {
              request: { query: HistoryTabDocument, variables: all },
              result: page(
                [
                  change('h1', 'Customer', 'industry', 'Power', 'Robotics'),
                  change('h2', 'KeyPerson', 'title', null, 'CFO'),
                ],
                'cursor-2',
              ),
            },
            {
              // The server filters: its first page of the section reaches past the unfiltered first page.
              request: { query: HistoryTabDocument, variables: basic },
              result: page(
                [
                  change('h1', 'Customer', 'industry', 'Power', 'Robotics'),
                  change('h3', 'Customer', 'name', 'Old name', 'New name'),
                ],
                'basic-2',
              ),
            },
            {
              request: { query: HistoryTabDocument, variables: { ...basic, after: 'basic-2' } },
              result: page([change('h4', 'Customer', 'tier', 'GENERAL', 'IMPORTANT')], null),
            },
          ],
        },
      ),
    );
    const rows = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));

    expect((await screen.findAllByRole('row')).length).toBe(3);
    expect(rows().map((cells) => cells.slice(1))).toEqual([
      ['魏丽', 'Updated · Basic sheet', 'Industry: Power → Robotics'],
      ['魏丽', 'Updated · Key persons', 'Title: — → CFO'],
    ]);

    await act(async () => {
      fireEvent.change(screen.getByLabelText('Section'), { target: { value: 'basic' } });
    });
    expect(router.state.location.search).toBe('?section=basic');
    await vi.waitFor(() =>
      expect(rows().map((cells) => cells[3])).toEqual([
        'Industry: Power → Robotics',
        'Name: Old name → New name',
      ]),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Show older changes' }));
    // The rows stay on screen while the older page loads, then it is appended.
    expect(rows().map((cells) => cells[3])).toEqual([
      'Industry: Power → Robotics',
      'Name: Old name → New name',
    ]);
    await vi.waitFor(() =>
      expect(rows().map((cells) => cells[3])).toEqual([
        'Industry: Power → Robotics',
        'Name: Old name → New name',
        'Tier: General → Important',
      ]),
    );
    expect(screen.queryByRole('button', { name: 'Show older changes' })).toBeNull();

    // Back to every section: the unfiltered list, untouched by the section's pages.
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Section'), { target: { value: '' } });
    });
    await vi.waitFor(() =>
      expect(rows().map((cells) => cells[3])).toEqual(['Industry: Power → Robotics', 'Title: — → CFO']),
    );
    expect(screen.getByRole('button', { name: 'Show older changes' })).toBeTruthy();
  });

  it('filters by the documents section now that the dossier has a Documents tab', async () => {
    await act(async () =>
      renderWithProviders(
        <Suspense fallback="loading">
          <HistoryTab customerId="c1" />
        </Suspense>,
        {
          path: '/customers/c1/history?section=documents',
          mocks: [
            {
              request: {
                query: HistoryTabDocument,
                variables: { customerId: 'c1', sections: ['DOCUMENTS'] },
              },
              result: page([change('h5', 'Document', 'title', '方案', '技术方案')], null),
            },
          ],
        },
      ),
    );

    const row = (await screen.findAllByRole('row'))[1] as HTMLElement;
    expect([...row.querySelectorAll('td')].slice(2).map((cell) => cell.textContent)).toEqual([
      'Updated · Documents',
      'Title: 方案 → 技术方案',
    ]);
    expect((screen.getByLabelText('Section') as HTMLSelectElement).value).toBe('documents');
  });

  it.each([
    ['en', 'The customer, via link · accepted by 魏丽', 'Updated · Basic sheet'],
    ['zh-CN', '客户（通过资料表链接）· 由魏丽采纳', null],
  ] as const)(
    '%s: says a change the customer made through a sheet link was accepted by the actor',
    async (language, who, what) => {
      await act(async () =>
        renderWithProviders(
          <Suspense fallback="loading">
            <HistoryTab customerId="c1" />
          </Suspense>,
          {
            language,
            path: '/customers/c1/history',
            mocks: [
              {
                request: { query: HistoryTabDocument, variables: { customerId: 'c1' } },
                result: page([change('h6', 'Customer', 'city', '上海', '苏州', 'CUSTOMER_LINK')], null),
              },
            ],
          },
        ),
      );
      const row = (await screen.findAllByRole('row'))[1] as HTMLElement;
      const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent);
      expect(cells[1]).toBe(who);
      if (what) expect(cells[2]).toBe(what);
    },
  );
});
