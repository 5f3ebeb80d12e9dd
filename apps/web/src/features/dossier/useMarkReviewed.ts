import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { evictHistory, refetchIfIncomplete } from '../../apollo/evictHistory';
import { MarkCustomerReviewedDocument } from '../../apollo/generated';

/** Records a full review now at the version read; the header shows the new date at once (optimistic). */
export function useMarkReviewed() {
  const [mutate, { loading }] = useMutation(MarkCustomerReviewedDocument);
  const markReviewed = useCallback(
    (customer: { id: string; version: number }, now = new Date()) =>
      mutate({
        variables: { id: customer.id, expectedVersion: customer.version },
        optimisticResponse: {
          markCustomerReviewed: {
            __typename: 'Customer',
            id: customer.id,
            version: customer.version + 1,
            reviewedAt: now.toISOString(),
          },
        },
        onQueryUpdated: refetchIfIncomplete,
        update: (cache) => evictHistory(cache, customer.id),
      }),
    [mutate],
  );
  return [markReviewed, loading] as const;
}
