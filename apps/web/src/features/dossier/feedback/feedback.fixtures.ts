import { screen, within } from '@testing-library/react';
import { FeedbackHandlersDocument, FeedbackTabDocument } from '../../../apollo/generated';

/** What the Feedback tab's tests answer with: complaints, surveys, the tab's query page by page. */
export const customerId = 'Customer:1';
export const handler = { __typename: 'Staff', id: 'Staff:7', name: '客服李' };

export const feedback = (id: string, status: 'OPEN' | 'CLOSED', extra: Record<string, unknown> = {}) => ({
  __typename: 'Feedback',
  id,
  version: 1,
  kind: 'COMPLAINT',
  channel: 'PHONE',
  category: 'DELIVERY',
  severity: 'HIGH',
  status,
  receivedAt: '2026-11-14T02:00:00.000Z',
  description: '第三批货晚到两周',
  handlingPlan: null,
  result: status === 'CLOSED' ? '补发并赔偿运费' : null,
  closedAt: status === 'CLOSED' ? '2026-11-22T04:00:00.000Z' : null,
  keyPerson: { __typename: 'KeyPerson', id: 'KeyPerson:1', name: '采购部刘经理' },
  handler: null as { __typename: string; id: string; name: string } | null,
  ...extra,
});

export const survey = (id: string, surveyedOn: string, scores: number[]) => ({
  __typename: 'SatisfactionSurvey',
  id,
  version: 1,
  surveyedOn,
  productScore: scores[0],
  deliveryScore: scores[1],
  serviceScore: scores[2],
  priceScore: scores[3],
  comment: null,
});

/** Which page of which list a mock answers, and what follows it. */
export interface Page {
  status?: string | null;
  after?: string;
  endCursor?: string | null;
  totalCount?: number;
}

export function tabMock(
  items: unknown[],
  surveys: unknown[] = [],
  signals: unknown[] = [],
  { status = null, after, endCursor = null, totalCount = items.length }: Page = {},
) {
  return {
    request: {
      query: FeedbackTabDocument,
      variables: after ? { customerId, status, after } : { customerId, status },
    },
    result: {
      data: {
        customer: {
          __typename: 'Customer',
          id: customerId,
          risk: { __typename: 'RiskAssessment', level: signals.length ? 'MEDIUM' : 'NONE', signals },
          keyPersons: [{ __typename: 'KeyPerson', id: 'KeyPerson:1', name: '采购部刘经理' }],
          feedback: {
            __typename: 'FeedbackConnection',
            totalCount,
            nodes: items,
            pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
          },
          satisfactionSurveys: surveys,
        },
      },
    },
  };
}

export const handlersMock = {
  request: { query: FeedbackHandlersDocument, variables: {} },
  result: { data: { staffMembers: { __typename: 'StaffConnection', nodes: [handler] } } },
};

export const write = (item: ReturnType<typeof feedback>, signals: unknown[]) => ({
  ...item,
  customer: {
    __typename: 'Customer',
    id: customerId,
    risk: { __typename: 'RiskAssessment', level: signals.length ? 'MEDIUM' : 'NONE', signals },
  },
});

export const cardTexts = () =>
  screen.getAllByRole('article').map((card) =>
    within(card)
      .getAllByRole('listitem')
      .map((chip) => chip.textContent),
  );
