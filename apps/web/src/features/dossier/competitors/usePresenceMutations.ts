import type { Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { evictHistory } from '../../../apollo/evictHistory';
import {
  CompetitorsTabDocument,
  CreateCompetitorDocument,
  type PresenceRow_PresenceFragment,
  RecordCustomerCompetitorDocument,
  type RecordCustomerCompetitorInput,
  RemoveCustomerCompetitorDocument,
  UpdateCustomerCompetitorDocument,
  type UpdateCustomerCompetitorInput,
} from '../../../apollo/generated';
import { headerQuery } from '../headerQuery';

/** What a presence form sends, both when adding and when changing one. */
export type PresenceFields = Omit<UpdateCustomerCompetitorInput, never>;

const optimistic = (
  id: string,
  version: number,
  fields: PresenceFields,
  competitor: { id: string; name: string; website?: string | null },
): PresenceRow_PresenceFragment => ({
  __typename: 'CustomerCompetitor',
  id,
  version,
  sharePercent: fields.sharePercent ?? null,
  since: fields.since ?? null,
  supplies: fields.supplies ?? null,
  strengths: fields.strengths ?? null,
  weaknesses: fields.weaknesses ?? null,
  notes: fields.notes ?? null,
  competitor: { __typename: 'Competitor', website: null, ...competitor },
});

/** Records a competitor at the customer; the row appears at once and the server's answer replaces it. */
export function useRecordPresence(customerId: string) {
  const [mutate, { loading }] = useMutation(RecordCustomerCompetitorDocument, {
    refetchQueries: [headerQuery(customerId)],
    update(cache, { data }) {
      const presence = data?.recordCustomerCompetitor;
      if (!presence) return;
      evictHistory(cache, customerId);
      cache.modify<{ competitors: Reference[] }>({
        id: cache.identify({ __typename: 'Customer', id: customerId }),
        fields: {
          competitors(existing, { toReference, readField }) {
            const ref = toReference(presence);
            if (!ref || existing.some((r) => readField('id', r) === presence.id)) return existing;
            return [...existing, ref];
          },
        },
      });
    },
  });
  function record(input: RecordCustomerCompetitorInput, competitor: { id: string; name: string }) {
    return mutate({
      variables: { input },
      optimisticResponse: {
        recordCustomerCompetitor: {
          ...optimistic(`CustomerCompetitor:optimistic-${competitor.id}`, 1, input, competitor),
          customer: { __typename: 'Customer', id: customerId },
        },
      },
    });
  }
  return [record, { loading }] as const;
}

/** Changes a presence at the version read; a change made meanwhile is refused as VERSION_CONFLICT. */
export function useUpdatePresence(customerId: string) {
  const [mutate, { loading }] = useMutation(UpdateCustomerCompetitorDocument, {
    update: (cache) => evictHistory(cache, customerId),
  });
  function update(presence: PresenceRow_PresenceFragment, input: PresenceFields) {
    return mutate({
      variables: { id: presence.id, expectedVersion: presence.version, input },
      optimisticResponse: {
        updateCustomerCompetitor: optimistic(
          presence.id,
          presence.version + 1,
          { ...presence, ...input },
          presence.competitor,
        ),
      },
    });
  }
  return [update, { loading }] as const;
}

/** Removes a presence; its row goes at once, and comes back if the server refuses. */
export function useRemovePresence(customerId: string) {
  const [mutate, { loading, error }] = useMutation(RemoveCustomerCompetitorDocument, {
    refetchQueries: [headerQuery(customerId)],
    update(cache, { data }, { variables }) {
      if (!data?.removeCustomerCompetitor || !variables) return;
      cache.evict({ id: cache.identify({ __typename: 'CustomerCompetitor', id: variables.id }) });
      evictHistory(cache, customerId);
    },
  });
  function remove(presence: PresenceRow_PresenceFragment) {
    return mutate({
      variables: { id: presence.id, expectedVersion: presence.version },
      optimisticResponse: { removeCustomerCompetitor: true },
    });
  }
  return [remove, { loading, error }] as const;
}

/** A manager adds a competitor to the company-wide list while recording it; the tab's list reads it again. */
export function useCreateCompetitor(customerId: string) {
  const [mutate, { loading }] = useMutation(CreateCompetitorDocument, {
    refetchQueries: [{ query: CompetitorsTabDocument, variables: { customerId } }],
    awaitRefetchQueries: true,
  });
  return [(name: string) => mutate({ variables: { input: { name } } }), { loading }] as const;
}
