import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StaffAdminDocument, ViewerDocument } from '../../apollo/generated';
import type { Language } from '../../i18n';
import { renderApp } from '../../test/render';

const me = { __typename: 'Staff', id: 'admin-1', name: 'Ada Admin', role: 'ADMIN' };
const run = (finishedAt: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'BackupRun',
  finishedAt,
  file: 'dossier-2026-11-28.backup',
  sizeBytes: 5_000_000_000,
  verified: true,
  error: null,
  ...extra,
});
const VERIFIED = run('2026-11-28T12:00:00.000Z');
const FAILED = run('2026-11-30T10:00:00.000Z', {
  verified: false,
  error: 'restore differed from the manifest',
});

async function backupsPanel(backupStatus: Record<string, unknown>, language: Language) {
  renderApp('/staff', {
    language,
    mocks: [
      { request: { query: ViewerDocument }, result: { data: { me } } },
      {
        request: { query: StaffAdminDocument },
        result: {
          data: {
            backupStatus: { __typename: 'BackupStatus', ...backupStatus },
            staffMembers: {
              __typename: 'StaffConnection',
              nodes: [],
              pageInfo: { __typename: 'PageInfo', hasNextPage: false },
            },
          },
        },
      },
    ],
  });
  const title = await screen.findByRole('heading', { name: language === 'en' ? 'Backups' : '备份' });
  const section = title.closest('section') as HTMLElement;
  return { ...within(section), text: section.textContent };
}

// The age is counted from now: pinned, with only Date faked so Apollo's and React's timers still run.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-30T14:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('the backups on the staff page', () => {
  it.each([
    [
      'en',
      /^BackupsLast verified backup: Nov 28, 2026, .+ \(2 days ago\), 4\.7 GB\. dossier-2026-11-28\.backup$/,
    ],
    [
      'zh-CN',
      /^备份最近一次通过校验的备份：2026年11月28日 .+（2天前），4\.7 GB。 dossier-2026-11-28\.backup$/,
    ],
  ] as const)('shows the last verified backup, its age and size (%s)', async (language, expected) => {
    const panel = await backupsPanel(
      { scheduled: true, lastVerified: VERIFIED, lastRun: VERIFIED },
      language,
    );
    expect(panel.text).toMatch(expected);
    expect(panel.queryByRole('alert')).toBeNull();
  });

  it.each([
    [
      'en',
      /^The last backup, Nov 30, 2026, .+, failed: restore differed from the manifest$/,
      /\(4 hours ago\)/,
    ],
    ['zh-CN', /^最近一次备份（2026年11月30日 .+）失败：restore differed from the manifest$/, /（2天前）/],
  ] as const)('shows a failed last run with its error (%s)', async (language, expected, age) => {
    const lastVerified = language === 'en' ? run('2026-11-30T09:30:00.000Z') : VERIFIED;
    const panel = await backupsPanel({ scheduled: true, lastVerified, lastRun: FAILED }, language);
    expect(panel.getByRole('alert').textContent).toMatch(expected);
    expect(panel.text).toMatch(age);
  });

  it.each([
    ['en', 'Backups are not scheduled (set DOSSIER_BACKUP_CRON on the server).'],
    ['zh-CN', '未设定定时备份（请在服务器上设置 DOSSIER_BACKUP_CRON）。'],
  ] as const)('says when backups are not scheduled (%s)', async (language, expected) => {
    const panel = await backupsPanel({ scheduled: false, lastVerified: null, lastRun: null }, language);
    expect(panel.getByText(expected)).toBeTruthy();
  });

  it.each([
    ['en', 'No verified backup yet.'],
    ['zh-CN', '尚无通过校验的备份。'],
  ] as const)('says when no backup has been verified yet (%s)', async (language, expected) => {
    const panel = await backupsPanel({ scheduled: true, lastVerified: null, lastRun: null }, language);
    expect(panel.getByText(expected)).toBeTruthy();
  });
});
