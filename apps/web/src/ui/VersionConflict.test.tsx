import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { VersionConflict } from './VersionConflict';

describe('VersionConflict', () => {
  it("shows the other person's change beside the user's and offers reload and reapply", async () => {
    const onReload = vi.fn();
    const onReapply = vi.fn();
    renderWithProviders(
      <VersionConflict
        fields={[{ label: 'Industry', theirs: 'Machinery', yours: 'Robotics' }]}
        onReload={onReload}
        onReapply={onReapply}
      />,
    );

    const alert = await screen.findByRole('alert', { name: 'Someone changed this: reload and reapply.' });
    expect(document.activeElement).toBe(alert);
    const rows = within(alert)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual(['FieldSaved nowYour change', 'IndustryMachineryRobotics']);

    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledTimes(1);
    fireEvent.click(within(alert).getByRole('button', { name: 'Reapply my change' }));
    expect(onReapply).toHaveBeenCalledTimes(1);
  });

  it('speaks Chinese and disables both buttons while a reapply is saving', async () => {
    renderWithProviders(<VersionConflict fields={[]} busy onReload={vi.fn()} onReapply={vi.fn()} />, {
      language: 'zh-CN',
    });
    const alert = await screen.findByRole('alert', { name: '他人已修改此内容：请刷新后重新提交。' });
    expect(within(alert).queryByRole('table')).toBeNull();
    expect(
      within(alert)
        .getAllByRole('button')
        .map((b) => [b.textContent, (b as HTMLButtonElement).disabled]),
    ).toEqual([
      ['刷新', true],
      ['重新提交我的修改', true],
    ]);
  });

  it('shows the detail a form passes (what the other person changed) under the title', async () => {
    renderWithProviders(
      <VersionConflict fields={[]} onReload={vi.fn()} onReapply={vi.fn()}>
        <p>Tier: General → Important · 王经理</p>
      </VersionConflict>,
    );
    const alert = await screen.findByRole('alert', { name: 'Someone changed this: reload and reapply.' });
    expect(within(alert).queryByRole('table')).toBeNull();
    expect([...alert.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'Someone changed this: reload and reapply.',
      'Tier: General → Important · 王经理',
    ]);
  });
});
