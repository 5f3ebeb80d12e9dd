import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DashboardSatisfactionDocument } from '../../apollo/generated';
import { renderWithProviders } from '../../test/render';
import { SatisfactionPanel } from './SatisfactionPanel';

const row = (
  owner: string | null,
  region: string | null,
  surveys: number,
  average: number,
  distribution: number[],
) => ({
  __typename: 'SatisfactionGroupRow',
  owner: owner ? { __typename: 'Staff', id: `Staff:${owner}`, name: owner } : null,
  region,
  surveys,
  average,
  distribution,
});

const mock = (variables: Record<string, unknown>, rows: unknown[]) => ({
  request: { query: DashboardSatisfactionDocument, variables },
  result: { data: { satisfactionSummary: rows } },
});

const cells = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((tr) =>
      within(tr)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    );

describe('SatisfactionPanel', () => {
  it('shows average and distribution per rep, then per region within dates', async () => {
    renderWithProviders(<SatisfactionPanel />, {
      mocks: [
        mock({ groupBy: 'OWNER', from: null, to: null }, [
          row('王', null, 2, 3, [1, 2, 2, 2, 1]),
          row('赵', null, 1, 4.25, [0, 0, 1, 1, 2]),
        ]),
        mock({ groupBy: 'REGION', from: null, to: null }, [row(null, '华东', 3, 3.5, [0, 3, 3, 3, 3])]),
        mock({ groupBy: 'REGION', from: '2026-11-01', to: null }, [row(null, null, 1, 2.5, [1, 1, 1, 1, 0])]),
      ],
    });
    await screen.findByRole('table');
    expect(cells()).toEqual([
      ['王', '2', '3', '1 · 2 · 2 · 2 · 1'],
      ['赵', '1', '4.25', '0 · 0 · 1 · 1 · 2'],
    ]);
    expect(screen.getAllByRole('img')[0]?.getAttribute('aria-label')).toBe(
      'Score 1: 1, Score 2: 2, Score 3: 2, Score 4: 2, Score 5: 1',
    );

    fireEvent.click(screen.getByRole('button', { name: 'By region' }));
    expect(await screen.findByText('华东')).toBeTruthy();
    expect(cells()).toEqual([['华东', '3', '3.5', '0 · 3 · 3 · 3 · 3']]);

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    expect(await screen.findByText('No region')).toBeTruthy();
    expect(cells()).toEqual([['No region', '1', '2.5', '1 · 1 · 1 · 1 · 0']]);
  });

  it('says so when no survey falls in the range, in Chinese', async () => {
    renderWithProviders(<SatisfactionPanel />, {
      language: 'zh-CN',
      mocks: [mock({ groupBy: 'OWNER', from: null, to: null }, [])],
    });
    expect(await screen.findByText('该期间没有满意度调查。')).toBeTruthy();
  });
});
