import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CompetitorWallet_RowFragment } from '../../apollo/generated';
import type { Language } from '../../i18n';
import { renderWithProviders } from '../../test/render';
import { CompetitorWalletPanel, CompetitorWalletTable } from './CompetitorWalletSection';

const row = (
  id: string,
  name: string,
  [customers, estimated]: [number, number],
  averageSharePercent: string | null,
  revenueAtStake: string,
): CompetitorWallet_RowFragment => ({
  __typename: 'CompetitorWalletShare',
  competitor: { __typename: 'Competitor', id, name },
  customers,
  estimatedCustomers: estimated,
  averageSharePercent,
  revenueAtStake,
});

// Given out of order: the table ranks by revenue at stake.
const rows = [
  row('c-omron', 'Omron', [3, 0], null, '0.00'),
  row('c-siemens', '西门子', [1204, 17], '35.50', '1234567.89'),
  row('c-abb', 'ABB', [12, 2], '8', '99.10'),
];

const shown = async (language: Language, caption: string) => {
  renderWithProviders(<CompetitorWalletTable rows={rows} fileName="competitors" />, { language });
  const table = await screen.findByRole('table', { name: caption });
  return within(table)
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
};

describe('the competitors table', () => {
  it('ranks competitors by revenue at stake, exact amounts in English, each name opening its customers', async () => {
    expect(await shown('en', 'Competitors: share of wallet')).toEqual([
      ['Competitor', 'Customers present', 'With an estimate', 'Average estimated share', 'Revenue at stake'],
      ['西门子', '1,204', '17', '35.5%', 'CN¥1,234,567.89'],
      ['ABB', '12', '2', '8%', 'CN¥99.10'],
      ['Omron', '3', '0', '–', 'CN¥0.00'],
    ]);
    const href = (name: string) => screen.getByRole('link', { name }).getAttribute('href');
    expect(href('西门子')).toBe('/customers?competitor=c-siemens');
    expect(href('ABB')).toBe('/customers?competitor=c-abb');
    expect(href('Omron')).toBe('/customers?competitor=c-omron');
  });

  it('reads in Chinese', async () => {
    expect(await shown('zh-CN', '竞争对手：钱包份额')).toEqual([
      ['竞争对手', '出现的客户数', '有份额估计', '平均估计份额', '涉及金额'],
      ['西门子', '1,204', '17', '35.5%', '¥1,234,567.89'],
      ['ABB', '12', '2', '8%', '¥99.10'],
      ['Omron', '3', '0', '–', '¥0.00'],
    ]);
  });
});

describe('the competitors panel', () => {
  it.each([
    ['en', 'Competitors: share of wallet', 'No competitor is recorded at your customers.'],
    ['zh-CN', '竞争对手：钱包份额', '您的客户中尚未记录竞争对手。'],
  ] as const)(
    'says so in %s when no competitor is present, with no chart or table',
    async (language, heading, empty) => {
      renderWithProviders(
        <CompetitorWalletPanel
          view={{ __typename: 'ShareOfWalletView', from: '2025-12-01', to: '2026-11-30', competitors: [] }}
        />,
        { language },
      );
      expect(await screen.findByRole('heading', { name: heading })).toBeDefined();
      expect(screen.getByText(empty)).toBeDefined();
      expect(screen.queryByRole('table')).toBeNull();
      expect(screen.queryByRole('img')).toBeNull();
    },
  );
});
