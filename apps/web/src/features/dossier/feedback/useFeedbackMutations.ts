import { useMutation } from '@apollo/client/react';
import { evictHistory } from '../../../apollo/evictHistory';
import {
  AssignFeedbackHandlerDocument,
  CloseFeedbackDocument,
  type FeedbackCard_FeedbackFragment,
  RecordFeedbackDocument,
  type RecordFeedbackInput,
  RecordSatisfactionSurveyDocument,
  type RecordSatisfactionSurveyInput,
  ReopenFeedbackDocument,
  UpdateFeedbackHandlingDocument,
  type UpdateFeedbackHandlingInput,
} from '../../../apollo/generated';

// The tab's list is read again after a new record (it is paged and filtered by status on the server);
// a handling step answers the feedback and its customer's risk, which the cache merges by id, so the
// card and the dossier header's risk chip change with the server's answer.
const LIST = ['FeedbackTab'];

export function useRecordFeedback() {
  const [mutate, { loading }] = useMutation(RecordFeedbackDocument, {
    refetchQueries: LIST,
    awaitRefetchQueries: true,
    update(cache, { data }) {
      if (data) evictHistory(cache, data.recordFeedback.customer.id);
    },
  });
  return [(input: RecordFeedbackInput) => mutate({ variables: { input } }), { loading }] as const;
}

type Target = Pick<FeedbackCard_FeedbackFragment, 'id' | 'version'>;

function historyEvicted<T extends Record<string, { customer: { id: string } }>>() {
  return {
    update(cache: Parameters<typeof evictHistory>[0], { data }: { data?: T | null }) {
      const written = data && Object.values(data)[0];
      if (written) evictHistory(cache, written.customer.id);
    },
  };
}

export function useAssignFeedbackHandler() {
  const [mutate, { loading }] = useMutation(AssignFeedbackHandlerDocument, historyEvicted());
  const assign = (feedback: Target, handlerId: string) =>
    mutate({ variables: { id: feedback.id, expectedVersion: feedback.version, handlerId } });
  return [assign, { loading }] as const;
}

export function useUpdateFeedbackHandling() {
  const [mutate, { loading }] = useMutation(UpdateFeedbackHandlingDocument, historyEvicted());
  const update = (feedback: Target, input: UpdateFeedbackHandlingInput) =>
    mutate({ variables: { id: feedback.id, expectedVersion: feedback.version, input } });
  return [update, { loading }] as const;
}

export function useCloseFeedback() {
  const [mutate, { loading }] = useMutation(CloseFeedbackDocument, {
    ...historyEvicted(),
    refetchQueries: LIST,
  });
  const close = (feedback: Target, result: string) =>
    mutate({ variables: { id: feedback.id, expectedVersion: feedback.version, result } });
  return [close, { loading }] as const;
}

export function useReopenFeedback() {
  const [mutate, { loading }] = useMutation(ReopenFeedbackDocument, {
    ...historyEvicted(),
    refetchQueries: LIST,
  });
  const reopen = (feedback: Target) =>
    mutate({ variables: { id: feedback.id, expectedVersion: feedback.version } });
  return [reopen, { loading }] as const;
}

export function useRecordSatisfactionSurvey() {
  const [mutate, { loading }] = useMutation(RecordSatisfactionSurveyDocument, {
    refetchQueries: LIST,
    awaitRefetchQueries: true,
    update(cache, { data }) {
      if (data) evictHistory(cache, data.recordSatisfactionSurvey.customer.id);
    },
  });
  return [(input: RecordSatisfactionSurveyInput) => mutate({ variables: { input } }), { loading }] as const;
}
