import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  BasicTabDocument,
  ReviewCustomerSheetDocument,
  type SheetLink_LinkFragment,
} from '../../apollo/generated';
import { ActiveQuery } from '../../test/ActiveQuery';
import { renderWithProviders } from '../../test/render';
import { ProposalReview } from './ProposalReview';

const link = (changes: SheetLink_LinkFragment['proposedChanges']): SheetLink_LinkFragment => ({
  __typename: 'CustomerSheetLink',
  id: 'l1',
  version: 2,
  state: 'SUBMITTED' as SheetLink_LinkFragment['state'],
  createdAt: '2026-11-20T02:00:00Z',
  expiresAt: '2026-12-04T02:00:00Z',
  submittedAt: '2026-11-21T02:00:00Z',
  reviewedAt: null,
  acceptedFields: null,
  createdBy: { __typename: 'Staff', id: 's1', name: '王销售' },
  reviewedBy: null,
  proposedChanges: changes,
});

const change = (field: string, current: string | null, proposed: string | null) => ({
  __typename: 'CustomerSheetChange' as const,
  field,
  current,
  proposed,
});

/** The review's answer, keeping the variables the review was sent. */
function reviewAnswering(reviewed: SheetLink_LinkFragment) {
  let sent: unknown;
  const mock = {
    request: {
      query: ReviewCustomerSheetDocument,
      variables: (variables: Record<string, unknown>) => {
        sent = variables;
        return true;
      },
    },
    result: { data: { reviewCustomerSheet: reviewed } },
  };
  return { mock, sent: () => sent };
}

/** The basic sheet on the same page, read when it opens and again once a review may have changed it. */
const basicSheet = () => ({
  request: { query: BasicTabDocument, variables: { customerId: 'c1' } },
  result: vi.fn(() => ({ data: { customer: null } })),
  maxUsageCount: 2,
});

const onTheBasicTab = (review: ReactElement) => (
  <>
    <ActiveQuery query={BasicTabDocument} variables={{ customerId: 'c1' }} />
    {review}
  </>
);

describe('ProposalReview', () => {
  it('shows the diff in the reader’s language and accepts only the ticked fields', async () => {
    const review = reviewAnswering({
      ...link([]),
      version: 3,
      reviewedAt: '2026-11-22T02:00:00Z',
      acceptedFields: ['city'],
    });
    const sheet = basicSheet();
    await act(async () =>
      renderWithProviders(
        onTheBasicTab(
          <ProposalReview
            customerId="c1"
            link={link([change('nature', 'COMPANY', 'PARTNER'), change('city', '上海', '苏州')])}
          />,
        ),
        {
          language: 'zh-CN',
          mocks: [review.mock, sheet],
        },
      ),
    );
    const rows = screen.getAllByRole('row').map((row) => row.textContent);
    expect(rows.slice(1)).toEqual(['客户性质普通公司交易伙伴', '城市上海苏州']);
    fireEvent.click(screen.getByRole('checkbox', { name: '采纳客户性质' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '采纳所选' }));
    });
    expect(review.sent()).toEqual({ id: 'l1', expectedVersion: 2, accept: ['city'] });
    // The accepted city changes the basic sheet: it is read again.
    await waitFor(() => expect(sheet.result).toHaveBeenCalledTimes(2));
  });

  it('rejects the whole proposal with an empty list', async () => {
    const review = reviewAnswering({ ...link([]), version: 3, acceptedFields: [] });
    const sheet = basicSheet();
    await act(async () =>
      renderWithProviders(
        onTheBasicTab(<ProposalReview customerId="c1" link={link([change('city', '上海', '苏州')])} />),
        {
          mocks: [review.mock, sheet],
        },
      ),
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    });
    expect(review.sent()).toEqual({ id: 'l1', expectedVersion: 2, accept: [] });
    await waitFor(() => expect(sheet.result).toHaveBeenCalledTimes(2));
  });
});
