import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderTab } from '../../../test/renderTab';
import { FeedbackTab } from './FeedbackTab';
import { feedback, handlersMock, tabMock } from './feedback.fixtures';

vi.mock('../../dashboard/EChart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const may = feedback('Feedback:5', 'OPEN', { description: '五月样品破损' });
const april = feedback('Feedback:4', 'CLOSED', { description: '四月发票开错' });
const march = feedback('Feedback:3', 'OPEN', { description: '三月交货延迟' });
const february = feedback('Feedback:2', 'OPEN', { description: '二月包装受潮' });

// Each card is labelled with what the customer said.
const cards = () => screen.getAllByRole('article').map((card) => card.getAttribute('aria-label'));

describe('FeedbackTab paging', () => {
  it('appends the next page on Show more, and pages the status filter on its own', async () => {
    await renderTab(<FeedbackTab customerId="Customer:1" />, {
      mocks: [
        tabMock([may, april], [], [], { endCursor: 'c2', totalCount: 4 }),
        handlersMock,
        tabMock([march, february], [], [], { after: 'c2', totalCount: 4 }),
        tabMock([may, march], [], [], { status: 'OPEN', endCursor: 'o2', totalCount: 3 }),
        tabMock([february], [], [], { status: 'OPEN', after: 'o2', totalCount: 3 }),
      ],
    });
    await screen.findByText('4 recorded');
    expect(cards()).toEqual(['五月样品破损', '四月发票开错']);

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() =>
      expect(cards()).toEqual(['五月样品破损', '四月发票开错', '三月交货延迟', '二月包装受潮']),
    );
    // The last page says there is none after it: the button goes.
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();

    // A new filter suspends the tab for its first page: React retries it only inside an awaited act.
    await act(async () => {
      fireEvent.click(
        within(screen.getByRole('group', { name: 'Show' })).getByRole('button', { name: 'Open' }),
      );
    });
    await screen.findByText('3 recorded');
    expect(cards()).toEqual(['五月样品破损', '三月交货延迟']);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(cards()).toEqual(['五月样品破损', '三月交货延迟', '二月包装受潮']));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });
});
