import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  InboxCountsDocument,
  InboxRouteDocument,
  MarkInboxItemDoneDocument,
  SnoozeInboxItemDocument,
  ViewerDocument,
} from '../../apollo/generated';
import { renderApp } from '../../test/render';
import { businessToday } from './inboxText';

const me = { __typename: 'Staff', id: 'staff-1', name: '王销售', role: 'SALES_REP' };
const viewer = { request: { query: ViewerDocument }, result: { data: { me } } };

const item = (id: string, kind: string, params: Record<string, string | number>, link: string) => ({
  __typename: 'InboxItem',
  id,
  version: 1,
  kind,
  state: 'OPEN',
  dueOn: '2027-03-03',
  params,
  link,
  snoozedUntil: null,
});
const review = item('i-1', 'REVIEW_DUE', { customer: '华东机电', days: 61 }, '/customers/c-1/basic');
const loan = item(
  'i-2',
  'LOAN_DUE',
  { document: '年度框架合同', customer: '华东机电', dueOn: '2027-03-06', days: 2 },
  '/loans',
);
const future = item('i-3', 'SOMETHING_NEWER', { customer: '华东机电' }, '/customers');

const counts = (open: number, byKind: Array<[string, number]>) => ({
  __typename: 'InboxCounts',
  open,
  byKind: byKind.map(([kind, count]) => ({ __typename: 'InboxKindCount', kind, count })),
});

const page = (
  nodes: unknown[],
  open: number,
  byKind: Array<[string, number]>,
  kind: string | null = null,
  pageInfo: { hasNextPage: boolean; endCursor: string | null } = { hasNextPage: false, endCursor: null },
) => ({
  request: { query: InboxRouteDocument, variables: { kind } },
  result: {
    data: {
      inbox: {
        __typename: 'InboxItemConnection',
        nodes,
        pageInfo: { __typename: 'PageInfo', ...pageInfo },
      },
      inboxCounts: counts(open, byKind),
      businessTimeZone: 'Asia/Shanghai',
    },
  },
});
/**
 * The header badge's read, when it asks before the page's counts are in the cache: the same counts as the
 * page's, as the server would answer. Both land on one cached `inboxCounts`, so a badge answering other
 * kinds after the page emptied the page's filter (a CI run caught it).
 */
const badgeOf = (pageMock: ReturnType<typeof page>) => ({
  request: { query: InboxCountsDocument },
  result: { data: { inboxCounts: pageMock.result.data.inboxCounts } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

describe('the inbox page', () => {
  it('reads each item in its words, links to where to act, and counts in the header', async () => {
    const everything = page([review, loan, future], 3, [
      ['LOAN_DUE', 1],
      ['REVIEW_DUE', 1],
    ]);
    renderApp('/inbox', {
      mocks: [viewer, everything, badgeOf(everything)],
    });
    await screen.findByRole('heading', { name: 'Inbox' });
    const link = screen.getByRole('link', {
      name: /The dossier of 华东机电 has not been reviewed for 61 days/,
    });
    expect(link.getAttribute('href')).toBe('/customers/c-1/basic');
    expect(
      screen.getByRole('link', {
        name: /“年度框架合同” \(华东机电\) you borrowed is due back on 2027-03-06/,
      }),
    ).toBeTruthy();
    // a kind this build has no words for reads as the generic line, not as a key
    expect(screen.getByRole('link', { name: 'ReminderYou have a new reminder' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect((await within(nav).findByRole('status')).getAttribute('aria-label')).toBe('Open items: 3');
    expect(screen.getByRole('option', { name: 'Loan due back (1)' })).toBeTruthy();
  });

  it('marks an item done and snoozes another for three days; the badge drops', async () => {
    const threeDays = (() => {
      const [y, m, d] = businessToday('Asia/Shanghai').split('-').map(Number);
      return new Date(Date.UTC(y as number, (m as number) - 1, (d as number) + 3)).toISOString().slice(0, 10);
    })();
    const two = page([review, loan], 2, [
      ['LOAN_DUE', 1],
      ['REVIEW_DUE', 1],
    ]);
    renderApp('/inbox', {
      mocks: [
        viewer,
        two,
        badgeOf(two),
        {
          request: { query: MarkInboxItemDoneDocument, variables: { id: 'i-1', expectedVersion: 1 } },
          result: { data: { markInboxItemDone: { ...review, version: 2, state: 'DONE' } } },
        },
        page([loan], 1, [['LOAN_DUE', 1]]),
        {
          request: {
            query: SnoozeInboxItemDocument,
            variables: { id: 'i-2', expectedVersion: 1, until: threeDays },
          },
          result: {
            data: { snoozeInboxItem: { ...loan, version: 2, state: 'SNOOZED', snoozedUntil: threeDays } },
          },
        },
        page([], 0, []),
      ],
    });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect((await within(nav).findByRole('status')).textContent).toBe('2');
    fireEvent.click(await screen.findByRole('button', { name: /^Done: The dossier of 华东机电/ }));
    await waitFor(() => expect(within(nav).getByRole('status').textContent).toBe('1'));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Done: The dossier/ })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: /^Snooze for 3 days: “年度框架合同”/ }));
    expect(await screen.findByText('Nothing waiting for you.')).toBeTruthy();
    await waitFor(() => expect(within(nav).queryByRole('status')).toBeNull());
  });

  it('shows the next page under the first', async () => {
    const first = page([review], 2, [
      ['LOAN_DUE', 1],
      ['REVIEW_DUE', 1],
    ]);
    first.result.data.inbox.pageInfo = { __typename: 'PageInfo', hasNextPage: true, endCursor: 'cursor-1' };
    const second = page([loan], 2, [
      ['LOAN_DUE', 1],
      ['REVIEW_DUE', 1],
    ]);
    renderApp('/inbox', {
      mocks: [
        viewer,
        first,
        badgeOf(first),
        { ...second, request: { query: InboxRouteDocument, variables: { kind: null, after: 'cursor-1' } } },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Show more' }));
    await screen.findByRole('link', { name: /“年度框架合同”/ });
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('filters by kind through the URL, in Chinese', async () => {
    const loans = page(
      [loan],
      2,
      [
        ['LOAN_DUE', 1],
        ['REVIEW_DUE', 1],
      ],
      'LOAN_DUE',
    );
    const { router } = renderApp('/inbox?kind=LOAN_DUE', {
      language: 'zh-CN',
      mocks: [viewer, loans, badgeOf(loans)],
    });
    await screen.findByRole('heading', { name: '待办提醒' });
    expect(
      screen.getByRole('link', { name: /借阅的《年度框架合同》（华东机电）应于 2027-03-06 归还/ }),
    ).toBeTruthy();
    // The filter's choices come with the counts, which may answer after the list.
    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: '显示' }) as HTMLSelectElement).value).toBe('LOAN_DUE'),
    );
    expect(screen.getByRole('button', { name: /^推迟 1 周：/ })).toBeTruthy();
    expect(router.state.location.search).toBe('?kind=LOAN_DUE');
  });
});
