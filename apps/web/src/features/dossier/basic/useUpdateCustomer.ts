import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { evictHistory, refetchIfIncomplete } from '../../../apollo/evictHistory';
import {
  type BasicSheet_CustomerFragment,
  UpdateCustomerDocument,
  type UpdateCustomerInput,
} from '../../../apollo/generated';

/** Saves basic-sheet changes at the version read; the sheet shows them at once (optimistic). */
export function useUpdateCustomer() {
  const [mutate, { loading }] = useMutation(UpdateCustomerDocument);
  const update = useCallback(
    (customer: BasicSheet_CustomerFragment, input: UpdateCustomerInput) =>
      mutate({
        variables: { id: customer.id, expectedVersion: customer.version, input },
        optimisticResponse: {
          updateCustomer: {
            ...customer,
            ...input,
            version: customer.version + 1,
          } as BasicSheet_CustomerFragment,
        },
        onQueryUpdated: refetchIfIncomplete,
        update: (cache) => evictHistory(cache, customer.id),
      }),
    [mutate],
  );
  return [update, loading] as const;
}
