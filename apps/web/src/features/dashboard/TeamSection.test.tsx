import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TeamTable_RowFragment } from '../../apollo/generated';
import { renderWithProviders } from '../../test/render';
import { TeamTable } from './TeamSection';

const row = (
  owner: { id: string; name: string } | null,
  [customers, uncovered, stale, risk]: number[],
  revenue: string,
  average: number | null,
  completeness: number | null = null,
): TeamTable_RowFragment => ({
  __typename: 'TeamMemberRow',
  owner: owner && { __typename: 'Staff', ...owner },
  customers: customers ?? 0,
  revenue,
  averageCoverageScore: average,
  averageCompleteness: completeness,
  uncoveredAbCustomers: uncovered ?? 0,
  staleDossiers: stale ?? 0,
  riskCustomers: risk ?? 0,
});

describe('the team table', () => {
  const rows = [
    row({ id: 'rep1', name: 'Li Wei' }, [1204, 3, 7, 12], '1234567.80', 2.456, 62.5),
    row({ id: 'rep2', name: 'Zhao Min' }, [0, 0, 0, 0], '0.00', null),
    row(null, [2, 0, 1, 1], '-5.00', 1, 18),
  ];

  it('shows a row per rep with figures in the language and each figure linked to its customers', async () => {
    renderWithProviders(
      <TeamTable rows={rows} params={new URLSearchParams('period=2026&risk=HIGH')} fileName="team" />,
    );
    const table = await screen.findByRole('table', { name: 'Team' });
    const cells = within(table)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(cells).toEqual([
      [
        'Rep',
        'Customers',
        'Revenue',
        'Average coverage score',
        'Average completeness',
        'A/B customers with uncovered decision makers',
        'Stale dossiers',
        'Risk customers',
      ],
      ['Li Wei', '1,204', 'CN¥1,234,567.80', '2.46', '63', '3', '7', '12'],
      ['Zhao Min', '0', 'CN¥0.00', '–', '–', '0', '0', '0'],
      ['No owner', '2', '-CN¥5.00', '1', '18', '0', '1', '1'],
    ]);
    const href = (name: string) => screen.getByRole('link', { name }).getAttribute('href');
    expect(href('Li Wei')).toBe('/customers?owner=rep1');
    expect(href('Li Wei: 1204 customers')).toBe('/customers?owner=rep1');
    expect(href('Li Wei: 7 stale dossiers')).toBe('/customers?owner=rep1&signal=STALE_DOSSIER');
    expect(href('Li Wei: 12 risk customers')).toBe(
      '/dashboard?period=2026&risk=HIGH&owner=rep1#dashboard-risk',
    );
    // nothing to open: no stale dossier, no risk customer, no owner to list by
    expect(screen.queryByRole('link', { name: /Zhao Min: 0 (stale|risk)/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /No owner/ })).toBeNull();
  });
});
