import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AuditLogChoicesDocument, AuditLogDocument, ViewerDocument } from '../../apollo/generated';
import { renderApp } from '../../test/render';

const me = { __typename: 'Staff', id: 'admin-1', name: 'Ada Admin', role: 'ADMIN' };
const person = (id: string, name: string) => ({ __typename: 'Staff', id, name });
const entry = (id: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'AuditEntry',
  id,
  at: '2026-11-01T16:00:05.000Z',
  event: 'LOGIN_SUCCEEDED',
  email: 'ada@example.com',
  address: '10.0.0.7',
  detail: '{}',
  actor: person('admin-1', 'Ada Admin'),
  subject: person('admin-1', 'Ada Admin'),
  ...extra,
});
const page = (nodes: unknown[], totalCount: number, endCursor: string | null = null) => ({
  data: {
    auditLog: {
      __typename: 'AuditEntryConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
      nodes,
    },
  },
});
const viewer = { request: { query: ViewerDocument }, result: { data: { me } } };
const choices = {
  request: { query: AuditLogChoicesDocument },
  result: {
    data: {
      businessTimeZone: 'Asia/Shanghai',
      staffMembers: {
        __typename: 'StaffConnection',
        nodes: [person('admin-1', 'Ada Admin'), person('rep-1', 'Li Lei')],
      },
    },
  },
};

describe('the audit log page', () => {
  it('shows entries in the company time zone, newest first, and pages on', async () => {
    await act(async () =>
      renderApp('/audit-log', {
        mocks: [
          viewer,
          choices,
          {
            request: { query: AuditLogDocument, variables: {} },
            result: page(
              [
                entry('e-2', {
                  event: 'ROLE_CHANGED',
                  address: null,
                  subject: person('rep-1', 'Li Lei'),
                  detail: '{"before":"SALES_REP","after":"SALES_MANAGER"}',
                }),
              ],
              2,
              'cursor-1',
            ),
          },
          {
            request: { query: AuditLogDocument, variables: { after: 'cursor-1' } },
            result: page([entry('e-1', { event: 'LOGIN_FAILED', actor: null, subject: null })], 2),
          },
        ],
      }),
    );
    await screen.findByRole('heading', { name: 'Audit log' });
    const changed = screen.getByRole('rowheader', { name: 'Role changed' }).closest('tr') as HTMLElement;
    expect(
      within(changed)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      // 16:00:05 UTC is five seconds past midnight in Shanghai, the next day.
      'Nov 2, 2026, 12:00:05 AM',
      'Ada Admin',
      'Li Lei',
      'before: SALES_REP, after: SALES_MANAGER',
      '',
    ]);
    expect(screen.getByRole('status').textContent).toBe('1 of 2 entries');
    expect(screen.getByRole('button', { name: 'Show more entries' })).toBeTruthy();
  });

  it('pages on with "show more"', async () => {
    await act(async () =>
      renderApp('/audit-log', {
        mocks: [
          viewer,
          choices,
          {
            request: { query: AuditLogDocument, variables: {} },
            result: page([entry('e-2', { event: 'ROLE_CHANGED' })], 2, 'cursor-1'),
          },
          {
            request: { query: AuditLogDocument, variables: { after: 'cursor-1' } },
            result: page([entry('e-1', { event: 'LOGIN_FAILED', actor: null, subject: null })], 2),
          },
        ],
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Show more entries' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 of 2 entries'));
    const failed = screen.getByRole('rowheader', { name: 'Sign-in failed' }).closest('tr') as HTMLElement;
    // Nobody acted (no one was signed in): the e-mail typed is the subject.
    expect(
      within(failed)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Nov 2, 2026, 12:00:05 AM', '—', 'ada@example.com', '', '10.0.0.7']);
    expect(screen.queryByRole('button', { name: 'Show more entries' })).toBeNull();
  });

  it('keeps the filters in the URL, and says when nothing matches', async () => {
    const { router } = renderApp('/audit-log?event=LOGIN_FAILED', {
      mocks: [
        viewer,
        choices,
        {
          request: { query: AuditLogDocument, variables: { filter: { events: ['LOGIN_FAILED'] } } },
          result: page([entry('e-1', { event: 'LOGIN_FAILED', actor: null, subject: null })], 1),
        },
        {
          request: {
            query: AuditLogDocument,
            variables: { filter: { events: ['LOGIN_FAILED'], staffId: 'rep-1' } },
          },
          result: page([], 0),
        },
      ],
    });
    await screen.findByRole('rowheader', { name: 'Sign-in failed' });
    fireEvent.change(await screen.findByLabelText('Person (acting or acted upon)'), {
      target: { value: 'rep-1' },
    });
    await screen.findByText('No entries match these filters.');
    expect(router.state.location.search).toBe('?event=LOGIN_FAILED&staff=rep-1');
    expect((screen.getByLabelText('Event') as HTMLSelectElement).value).toBe('LOGIN_FAILED');
  });

  it('reads days from a shared link and shows them in Chinese', async () => {
    renderApp('/audit-log?from=2026-11-01&to=2026-11-02', {
      language: 'zh-CN',
      mocks: [
        viewer,
        choices,
        {
          request: {
            query: AuditLogDocument,
            variables: { filter: { fromDay: '2026-11-01', toDay: '2026-11-02' } },
          },
          result: page([entry('e-1')], 1),
        },
      ],
    });
    const row = (await screen.findByRole('rowheader', { name: '登录成功' })).closest('tr') as HTMLElement;
    expect(within(row).getAllByRole('cell')[0]?.textContent).toBe('2026年11月2日 00:00:05');
    expect((screen.getByLabelText('起始日期') as HTMLInputElement).value).toBe('2026-11-01');
    expect((screen.getByLabelText('截止日期') as HTMLInputElement).value).toBe('2026-11-02');
  });
});
