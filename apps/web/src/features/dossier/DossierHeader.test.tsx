import { useQuery } from '@apollo/client/react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DossierRouteDocument, MarkCustomerReviewedDocument } from '../../apollo/generated';
import { renderWithProviders } from '../../test/render';
import { DossierHeader } from './DossierHeader';

const customer = (version: number, reviewedAt: string | null) => ({
  __typename: 'Customer' as const,
  id: 'c1',
  name: '上海同创电力',
  code: 'C000237',
  version,
  reviewedAt,
  tier: 'IMPORTANT' as never,
  owner: { __typename: 'Staff' as const, id: 's1', name: '魏丽' },
  abc: { __typename: 'AbcGrade' as const, class: 'A' as never },
  risk: { __typename: 'RiskAssessment' as const, level: 'MEDIUM' as never },
});

const mark = (expectedVersion: number, result: object) => ({
  request: { query: MarkCustomerReviewedDocument, variables: { id: 'c1', expectedVersion } },
  result,
});

const read = (version: number, reviewedAt: string | null) => ({
  request: { query: DossierRouteDocument, variables: { id: 'c1' } },
  result: { data: { customer: customer(version, reviewedAt) } },
});

/** The header as the dossier route renders it: from the cached customer, so a refetch shows. */
function Header() {
  const { data } = useQuery(DossierRouteDocument, { variables: { id: 'c1' } });
  return data?.customer ? <DossierHeader customer={data.customer} /> : null;
}

describe('DossierHeader', () => {
  it('shows name, owner and classes; a refused "mark reviewed" shows the review someone else saved', async () => {
    const conflict = new GraphQLError('changed', {
      extensions: { code: 'VERSION_CONFLICT', currentVersion: 8 },
    });
    await act(async () =>
      renderWithProviders(<Header />, {
        mocks: [read(7, null), mark(7, { errors: [conflict] }), read(8, '2026-11-21T01:29:00Z')],
      }),
    );

    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('上海同创电力');
    expect(screen.getByText('C000237 · Owner: 魏丽 · Never reviewed').tagName).toBe('P');
    expect(
      within(screen.getByRole('list', { name: 'Classification' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Important', 'Class A', 'Medium']);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Mark reviewed' }));
    });
    const alert = await screen.findByRole('alert', { name: 'Someone changed this: reload and reapply.' });
    // The notice comes at once; the saved review arrives with the reload it starts.
    await waitFor(() => {
      const [, reviewed] = within(alert).getAllByRole('row');
      expect(reviewed?.querySelector('th')?.textContent).toBe('Last reviewed');
      expect(reviewed?.querySelectorAll('td')[0]?.textContent).toMatch(/^Nov 21, 2026/);
    });

    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/ · Last reviewed Nov 21, 2026/).tagName).toBe('P');
  });
});
