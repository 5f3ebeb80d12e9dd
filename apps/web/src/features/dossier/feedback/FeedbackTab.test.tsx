import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  AssignFeedbackHandlerDocument,
  CloseFeedbackDocument,
  RecordFeedbackDocument,
  RecordSatisfactionSurveyDocument,
} from '../../../apollo/generated';
import { renderTab } from '../../../test/renderTab';
import { FeedbackTab } from './FeedbackTab';
import {
  cardTexts,
  customerId,
  feedback,
  handler,
  handlersMock,
  survey,
  tabMock,
  write,
} from './feedback.fixtures';

// jsdom cannot lay out or paint ECharts; the chart is a picture (its option builder has its own tests),
// and the table beside it carries the figures the tests read.
vi.mock('../../dashboard/EChart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

describe('FeedbackTab', () => {
  it('lists complaints with their status chips and the survey trend, read-only for a reader', async () => {
    await renderTab(<FeedbackTab customerId={customerId} />, {
      mocks: [
        tabMock(
          [feedback('Feedback:2', 'OPEN'), feedback('Feedback:1', 'CLOSED', { kind: 'OPINION' })],
          [
            survey('SatisfactionSurvey:1', '2026-05-10', [3, 2, 4, 2]),
            survey('SatisfactionSurvey:2', '2026-08-12', [4, 3, 4, 3]),
          ],
        ),
      ],
      mayEdit: false,
    });
    await screen.findByText('2 recorded');
    expect(cardTexts()).toEqual([
      ['Open', 'Complaint', 'High', 'Delivery', 'Phone'],
      ['Closed', 'Opinion', 'High', 'Delivery', 'Phone'],
    ]);
    const trend = screen.getByRole('table', { name: 'Satisfaction over time, 1 to 5, per aspect' });
    expect(
      within(trend)
        .getAllByRole('row')
        .map((row) =>
          within(row)
            .queryAllByRole('cell')
            .map((cell) => cell.textContent),
        ),
    ).toEqual([[], ['May 10, 2026', '3', '2', '4', '2', ''], ['Aug 12, 2026', '4', '3', '4', '3', '']]);
    expect(screen.queryByRole('button', { name: 'Record a complaint' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
  });

  it('records a complaint from the quick entry: one tap opens it, taps choose, Save sends', async () => {
    const receivedAt = '2026-11-20T10:30';
    const input = {
      customerId,
      kind: 'COMPLAINT',
      category: 'DELIVERY',
      channel: 'PHONE',
      severity: 'HIGH',
      receivedAt: new Date(receivedAt).toISOString(),
      description: '第三批货晚到两周',
      keyPersonId: 'KeyPerson:1',
    };
    const saved = feedback('Feedback:3', 'OPEN');
    await renderTab(<FeedbackTab customerId={customerId} />, {
      mocks: [
        tabMock([]),
        handlersMock,
        {
          request: { query: RecordFeedbackDocument, variables: { input } },
          result: { data: { recordFeedback: write(saved, []) } },
        },
        tabMock([saved]),
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Record a complaint' }));
    const dialog = screen.getByRole('dialog', { name: 'Record a complaint' });
    fireEvent.change(within(dialog).getByLabelText('What the customer said'), {
      target: { value: input.description },
    });
    fireEvent.click(
      within(within(dialog).getByRole('group', { name: 'Category' })).getByRole('button', {
        name: 'Delivery',
      }),
    );
    fireEvent.click(
      within(within(dialog).getByRole('group', { name: 'Severity' })).getByRole('button', { name: 'High' }),
    );
    fireEvent.change(within(dialog).getByLabelText('Received'), { target: { value: receivedAt } });
    fireEvent.change(within(dialog).getByLabelText('Raised by'), { target: { value: 'KeyPerson:1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('1 recorded')).toBeTruthy();
    expect(cardTexts()).toEqual([['Open', 'Complaint', 'High', 'Delivery', 'Phone']]);
  });

  it('closes a complaint with its result, and the unresolved-complaint notice goes with the answer', async () => {
    const open = feedback('Feedback:2', 'OPEN');
    const signal = {
      __typename: 'RiskSignal',
      code: 'COMPLAINT_UNRESOLVED',
      level: 'MEDIUM',
      message: 'A complaint open for 8 days',
    };
    const closed = { ...feedback('Feedback:2', 'CLOSED'), version: 2 };
    await renderTab(<FeedbackTab customerId={customerId} />, {
      mocks: [
        tabMock([open], [], [signal]),
        handlersMock,
        {
          request: {
            query: CloseFeedbackDocument,
            variables: { id: 'Feedback:2', expectedVersion: 1, result: '补发并赔偿运费' },
          },
          delay: 30,
          result: { data: { closeFeedback: write(closed, []) } },
        },
        tabMock([closed]),
      ],
    });
    expect((await screen.findByText('A complaint open for 8 days')).getAttribute('role')).toBe('status');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    const dialog = screen.getByRole('dialog', { name: 'Close with the result' });
    fireEvent.change(within(dialog).getByLabelText('Result'), { target: { value: '补发并赔偿运费' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    // At once (optimistic): the card is closed; the server has not answered yet.
    expect(cardTexts()[0]?.[0]).toBe('Closed');
    expect(screen.getByText('A complaint open for 8 days')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const card = screen.getByRole('article');
    expect(within(card).getByText('补发并赔偿运费')).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Reopen' })).toBeTruthy();
    // The notice goes with the server's answer, which re-evaluated the customer's risk.
    await waitFor(() => expect(screen.queryByText('A complaint open for 8 days')).toBeNull());
  });

  it('assigns a handler: the rep takes it on, or picks an active colleague', async () => {
    const open = feedback('Feedback:2', 'OPEN');
    const rep = { __typename: 'Staff', id: 'staff-rep', name: '李伟' };
    await renderTab(<FeedbackTab customerId={customerId} />, {
      mocks: [
        tabMock([open]),
        handlersMock,
        {
          request: {
            query: AssignFeedbackHandlerDocument,
            variables: { id: 'Feedback:2', expectedVersion: 1, handlerId: 'staff-rep' },
          },
          result: { data: { assignFeedbackHandler: write({ ...open, version: 2, handler: rep }, []) } },
        },
        {
          request: {
            query: AssignFeedbackHandlerDocument,
            variables: { id: 'Feedback:2', expectedVersion: 2, handlerId: 'Staff:7' },
          },
          result: { data: { assignFeedbackHandler: write({ ...open, version: 3, handler }, []) } },
        },
      ],
    });
    const card = await screen.findByRole('article');
    expect(within(card).getByText('No handler yet', { selector: 'dd' })).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'I will handle it' }));
    expect(within(card).getByText('李伟', { selector: 'dd' })).toBeTruthy();
    await waitFor(() => expect(within(card).queryByRole('button', { name: 'I will handle it' })).toBeNull());

    await within(card).findByRole('option', { name: '客服李' });
    fireEvent.change(within(card).getByLabelText('Assign'), { target: { value: 'Staff:7' } });
    await waitFor(() => expect(within(card).getByText('客服李', { selector: 'dd' })).toBeTruthy());
  });

  it('records a survey with a tap per aspect, in Chinese', async () => {
    const input = {
      customerId,
      surveyedOn: '2026-11-20',
      productScore: 5,
      deliveryScore: 2,
      serviceScore: 4,
      priceScore: 3,
      comment: '交期需改进',
    };
    const saved = survey('SatisfactionSurvey:9', '2026-11-20', [5, 2, 4, 3]);
    await renderTab(<FeedbackTab customerId={customerId} />, {
      language: 'zh-CN',
      mocks: [
        tabMock([]),
        handlersMock,
        {
          request: { query: RecordSatisfactionSurveyDocument, variables: { input } },
          result: {
            data: {
              recordSatisfactionSurvey: {
                ...saved,
                comment: '交期需改进',
                customer: { __typename: 'Customer', id: customerId },
              },
            },
          },
        },
        tabMock([], [{ ...saved, comment: '交期需改进' }]),
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: '录入满意度调查' }));
    const dialog = screen.getByRole('dialog', { name: '录入满意度调查' });
    const tap = (aspect: string, score: string) =>
      fireEvent.click(
        within(within(dialog).getByRole('group', { name: `${aspect}评分` })).getByRole('button', {
          name: score,
        }),
      );
    tap('产品', '5');
    tap('交货', '2');
    tap('服务', '4');
    tap('价格', '3');
    expect(
      within(within(dialog).getByRole('group', { name: '交货评分' }))
        .getByRole('button', { name: '2' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    fireEvent.change(within(dialog).getByLabelText('调查日期'), { target: { value: '2026-11-20' } });
    fireEvent.change(within(dialog).getByLabelText('意见'), { target: { value: '交期需改进' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));

    const trend = await screen.findByRole('table', { name: '各项满意度走势（1–5 分）' });
    expect(
      within(trend)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['2026年11月20日', '5', '2', '4', '3', '交期需改进', '修改删除']);
  });
});
