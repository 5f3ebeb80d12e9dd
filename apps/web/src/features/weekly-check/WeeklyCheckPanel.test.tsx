import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { WeeklyCheckPanel } from './WeeklyCheckPanel';

const check = (weekStart: string, verdict: 'CHECKED' | 'RETURNED', comment: string | null) => ({
  __typename: 'WeeklyCheck' as const,
  id: `WeeklyCheck:${weekStart}`,
  version: 1,
  weekStart,
  verdict: verdict as never,
  comment,
  reviewedAt: '2026-12-07T02:00:00Z',
  manager: { __typename: 'Staff' as const, id: 'Staff:2', name: '王经理' },
});

describe("the manager's comments on the dossier", () => {
  it('shows the newest weeks first with their comment or request', async () => {
    renderWithProviders(
      <WeeklyCheckPanel
        customer={{
          __typename: 'Customer',
          id: 'Customer:1',
          weeklyChecks: [
            check('2026-11-30', 'RETURNED', '请补充开票信息'),
            check('2026-11-23', 'CHECKED', '很好'),
          ],
        }}
      />,
    );
    expect(await screen.findByRole('heading', { name: "Manager's weekly check" })).toBeTruthy();
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items[0]).toContain('Sent back by 王经理');
    expect(items[0]).toContain('请补充开票信息');
    expect(items[1]).toContain('Checked by 王经理');
    expect(items[1]).toContain('很好');
  });

  it('is not there when no manager has checked the dossier', async () => {
    renderWithProviders(
      <>
        <p>basic sheet</p>
        <WeeklyCheckPanel customer={{ __typename: 'Customer', id: 'Customer:1', weeklyChecks: [] }} />
      </>,
    );
    await screen.findByText('basic sheet');
    expect(screen.queryByRole('heading', { name: "Manager's weekly check" })).toBeNull();
  });
});
