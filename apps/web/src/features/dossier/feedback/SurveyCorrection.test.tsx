import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import {
  CorrectSatisfactionSurveyDocument,
  DeleteSatisfactionSurveyDocument,
} from '../../../apollo/generated';
import { renderTab } from '../../../test/renderTab';
import { FeedbackTab } from './FeedbackTab';
import { customerId, handlersMock, survey, tabMock } from './feedback.fixtures';

vi.mock('../../dashboard/EChart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const may = survey('SatisfactionSurvey:1', '2026-05-10', [3, 2, 4, 2]);
const august = survey('SatisfactionSurvey:2', '2026-08-12', [4, 3, 4, 3]);

/** What the rep sends after tapping delivery 4 and writing a comment on the May survey. */
const corrected = {
  surveyedOn: '2026-05-10',
  productScore: 3,
  deliveryScore: 4,
  serviceScore: 4,
  priceScore: 2,
  comment: '六月起交货好转',
};

const correctMock = (expectedVersion: number, answer: object) => ({
  request: {
    query: CorrectSatisfactionSurveyDocument,
    variables: { id: may.id, expectedVersion, input: corrected },
  },
  delay: 30,
  result: answer,
});
const answered = (version: number) => ({
  data: {
    updateSatisfactionSurvey: {
      ...may,
      ...corrected,
      version,
      customer: { __typename: 'Customer', id: customerId },
    },
  },
});

const rows = (name: string) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

const TREND = 'Satisfaction over time, 1 to 5, per aspect';

function correctDelivery() {
  fireEvent.click(screen.getByRole('button', { name: 'Correct the survey of May 10, 2026' }));
  const dialog = screen.getByRole('dialog', { name: 'Correct the survey of May 10, 2026' });
  // The form opens with the survey as saved.
  expect(
    within(within(dialog).getByRole('group', { name: 'Price score' }))
      .getByRole('button', { name: '2' })
      .getAttribute('aria-pressed'),
  ).toBe('true');
  fireEvent.click(
    within(within(dialog).getByRole('group', { name: 'Delivery score' })).getByRole('button', { name: '4' }),
  );
  fireEvent.change(within(dialog).getByLabelText('Comment'), { target: { value: corrected.comment } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
  return dialog;
}

describe('SurveySection corrections', () => {
  it('corrects a survey at the version read: the row changes at once', async () => {
    const saved = { ...may, ...corrected, version: 2 };
    await renderTab(<FeedbackTab customerId={customerId} />, {
      mocks: [
        tabMock([], [may, august]),
        handlersMock,
        correctMock(1, answered(2)),
        tabMock([], [saved, august]),
      ],
    });
    await screen.findByRole('table', { name: TREND });
    correctDelivery();

    const row = ['May 10, 2026', '3', '4', '4', '2', '六月起交货好转', 'CorrectDelete'];
    // At once (optimistic), before the server answered.
    expect(rows(TREND)[0]).toEqual(row);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(rows(TREND)).toEqual([row, ['Aug 12, 2026', '4', '3', '4', '3', '', 'CorrectDelete']]);
  });

  it('shows a conflict beside what is saved now, and reapplies at the new version', async () => {
    // Meanwhile a colleague corrected the price score to 3.
    const theirs = { ...may, priceScore: 3, version: 2 };
    await renderTab(<FeedbackTab customerId={customerId} />, {
      mocks: [
        tabMock([], [may]),
        handlersMock,
        correctMock(1, {
          errors: [
            new GraphQLError('SatisfactionSurvey was changed by someone else; reload and try again', {
              extensions: { code: 'VERSION_CONFLICT', currentVersion: 2 },
            }),
          ],
        }),
        // The screen reads its queries again to show what is saved now.
        tabMock([], [theirs]),
        handlersMock,
        correctMock(2, answered(3)),
        tabMock([], [{ ...may, ...corrected, version: 3 }]),
      ],
    });
    await screen.findByRole('table', { name: TREND });
    const dialog = correctDelivery();

    const conflict = await within(dialog).findByRole('alert');
    expect(conflict.textContent).toContain('Someone changed this: reload and reapply.');
    await waitFor(() =>
      expect(
        within(conflict)
          .getAllByRole('row')
          .slice(1)
          .map((row) => row.textContent),
      ).toEqual(['Delivery score24', 'Price score32', 'Comment—六月起交货好转']),
    );
    fireEvent.click(within(conflict).getByRole('button', { name: 'Reapply my change' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(rows(TREND)).toEqual([['May 10, 2026', '3', '4', '4', '2', '六月起交货好转', 'CorrectDelete']]);
  });

  it('deletes a survey after asking once in place, in Chinese', async () => {
    await renderTab(<FeedbackTab customerId={customerId} />, {
      language: 'zh-CN',
      mocks: [
        tabMock([], [may, august]),
        handlersMock,
        {
          request: { query: DeleteSatisfactionSurveyDocument, variables: { id: may.id, expectedVersion: 1 } },
          delay: 200,
          result: { data: { deleteSatisfactionSurvey: true } },
        },
      ],
    });
    const trend = '各项满意度走势（1–5 分）';
    await screen.findByRole('table', { name: trend });
    const ask = () => fireEvent.click(screen.getByRole('button', { name: '删除 2026年5月10日 的调查' }));

    // A slip is taken back: nothing is sent, the row keeps its actions.
    ask();
    const question = screen.getByRole('group', { name: '删除 2026年5月10日 的调查？' });
    fireEvent.click(within(question).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('group', { name: '删除 2026年5月10日 的调查？' })).toBeNull();

    ask();
    const confirm = screen.getByRole('group', { name: '删除 2026年5月10日 的调查？' });
    await act(async () => {
      fireEvent.click(within(confirm).getByRole('button', { name: '删除' }));
    });
    // At once (optimistic): the row goes; the server's answer keeps it gone.
    expect(rows(trend).map((row) => row[0])).toEqual(['2026年8月12日']);
    await act(() => new Promise((resolve) => setTimeout(resolve, 250)));
    expect(rows(trend)).toEqual([['2026年8月12日', '4', '3', '4', '3', '', '修改删除']]);
  });
});
