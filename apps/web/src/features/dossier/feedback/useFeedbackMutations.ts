import type { Reference } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { FeedbackStatus } from '@dossier/domain';
import { evictHistory } from '../../../apollo/evictHistory';
import {
  AssignFeedbackHandlerDocument,
  CloseFeedbackDocument,
  CorrectSatisfactionSurveyDocument,
  DeleteSatisfactionSurveyDocument,
  type FeedbackCard_FeedbackFragment,
  FeedbackRisk_CustomerFragmentDoc,
  RecordFeedbackDocument,
  type RecordFeedbackInput,
  RecordSatisfactionSurveyDocument,
  type RecordSatisfactionSurveyInput,
  ReopenFeedbackDocument,
  type SurveyTrend_SurveyFragment,
  UpdateFeedbackHandlingDocument,
  type UpdateFeedbackHandlingInput,
} from '../../../apollo/generated';

// The tab's list is read again after a new record (it is paged and filtered by status on the server), and
// after a close or reopen (the card may leave the status shown). A handling step answers the feedback and
// its customer's risk, which the cache merges by id: the card changes at once (optimistic), the risk notice
// and the dossier header's chip with the server's answer.
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

type Target = FeedbackCard_FeedbackFragment;

/**
 * What a handling step will answer, for the card to change at once: the feedback with the step applied
 * and its customer's risk as cached (the server's answer brings the re-evaluated risk within a round trip).
 * None when the customer's risk is not cached: the card then waits for the answer.
 */
function useOptimistic(customerId: string) {
  const client = useApolloClient();
  return (feedback: Target, changes: Partial<Target>) => {
    const customer = client.cache.readFragment({
      id: client.cache.identify({ __typename: 'Customer', id: customerId }),
      fragment: FeedbackRisk_CustomerFragmentDoc,
    });
    return customer ? { ...feedback, ...changes, version: feedback.version + 1, customer } : undefined;
  };
}

function historyEvicted<T extends Record<string, { customer: { id: string } }>>() {
  return {
    update(cache: Parameters<typeof evictHistory>[0], { data }: { data?: T | null }) {
      const written = data && Object.values(data)[0];
      if (written) evictHistory(cache, written.customer.id);
    },
  };
}

export function useAssignFeedbackHandler(customerId: string) {
  const optimistic = useOptimistic(customerId);
  const [mutate, { loading }] = useMutation(AssignFeedbackHandlerDocument, historyEvicted());
  const assign = (feedback: Target, handler: { id: string; name: string }) => {
    const answer = optimistic(feedback, { handler: { __typename: 'Staff', ...handler } });
    return mutate({
      variables: { id: feedback.id, expectedVersion: feedback.version, handlerId: handler.id },
      optimisticResponse: answer && { assignFeedbackHandler: answer },
    });
  };
  return [assign, { loading }] as const;
}

export function useUpdateFeedbackHandling(customerId: string) {
  const optimistic = useOptimistic(customerId);
  const [mutate, { loading }] = useMutation(UpdateFeedbackHandlingDocument, historyEvicted());
  const update = (feedback: Target, input: UpdateFeedbackHandlingInput) => {
    const answer = optimistic(feedback, {
      handlingPlan: input.handlingPlan ?? null,
      result: input.result ?? null,
    });
    return mutate({
      variables: { id: feedback.id, expectedVersion: feedback.version, input },
      optimisticResponse: answer && { updateFeedbackHandling: answer },
    });
  };
  return [update, { loading }] as const;
}

export function useCloseFeedback(customerId: string) {
  const optimistic = useOptimistic(customerId);
  const [mutate, { loading }] = useMutation(CloseFeedbackDocument, {
    ...historyEvicted(),
    refetchQueries: LIST,
  });
  const close = (feedback: Target, result: string) => {
    const answer = optimistic(feedback, {
      status: FeedbackStatus.CLOSED,
      result: result.trim(),
      closedAt: new Date().toISOString(),
    });
    return mutate({
      variables: { id: feedback.id, expectedVersion: feedback.version, result },
      optimisticResponse: answer && { closeFeedback: answer },
    });
  };
  return [close, { loading }] as const;
}

export function useReopenFeedback(customerId: string) {
  const optimistic = useOptimistic(customerId);
  const [mutate, { loading }] = useMutation(ReopenFeedbackDocument, {
    ...historyEvicted(),
    refetchQueries: LIST,
  });
  const reopen = (feedback: Target) => {
    const answer = optimistic(feedback, { status: FeedbackStatus.OPEN, closedAt: null });
    return mutate({
      variables: { id: feedback.id, expectedVersion: feedback.version },
      optimisticResponse: answer && { reopenFeedback: answer },
    });
  };
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

type Survey = SurveyTrend_SurveyFragment;
/** A correction sends every field of the form: the day, the four scores, the comment. */
export type SurveyValues = Omit<RecordSatisfactionSurveyInput, 'customerId'>;

/**
 * Corrects a survey at the version read; its row changes at once. The list is read again after the answer:
 * a corrected day may move the survey in the trend, which is ordered by day.
 */
export function useCorrectSatisfactionSurvey(customerId: string) {
  const [mutate, { loading }] = useMutation(CorrectSatisfactionSurveyDocument, {
    ...historyEvicted(),
    refetchQueries: LIST,
  });
  const correct = (survey: Survey, input: SurveyValues) =>
    mutate({
      variables: { id: survey.id, expectedVersion: survey.version, input },
      optimisticResponse: {
        updateSatisfactionSurvey: {
          ...survey,
          ...input,
          // The server trims a comment and stores an empty one as none.
          comment: input.comment?.trim() || null,
          version: survey.version + 1,
          customer: { __typename: 'Customer', id: customerId },
        },
      },
    });
  return [correct, { loading }] as const;
}

/** Deletes a survey entered by mistake; its row goes at once, and comes back if the server refuses. */
export function useDeleteSatisfactionSurvey(customerId: string) {
  const [mutate, { loading, error }] = useMutation(DeleteSatisfactionSurveyDocument, {
    update(cache, { data }, { variables }) {
      if (!data?.deleteSatisfactionSurvey || !variables) return;
      // Out of the customer's list first: the list is read whole, a dangling entry would suspend the tab.
      cache.modify<{ satisfactionSurveys: Reference[] }>({
        id: cache.identify({ __typename: 'Customer', id: customerId }),
        fields: {
          satisfactionSurveys: (existing, { readField }) =>
            existing.filter((ref) => readField('id', ref) !== variables.id),
        },
      });
      cache.evict({ id: cache.identify({ __typename: 'SatisfactionSurvey', id: variables.id }) });
      evictHistory(cache, customerId);
    },
  });
  const remove = (survey: Survey) =>
    mutate({
      variables: { id: survey.id, expectedVersion: survey.version },
      optimisticResponse: { deleteSatisfactionSurvey: true },
    });
  return [remove, { loading, error }] as const;
}
