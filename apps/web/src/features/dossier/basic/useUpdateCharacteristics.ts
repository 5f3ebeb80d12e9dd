import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { evictHistory, refetchIfIncomplete } from '../../../apollo/evictHistory';
import {
  type CharacteristicsSheet_CustomerFragment,
  type CustomerCharacteristicsInput,
  UpdateCustomerCharacteristicsDocument,
} from '../../../apollo/generated';

/** Saves the characteristics changed, at the version read; the sheet shows them at once (optimistic). */
export function useUpdateCharacteristics() {
  const [mutate] = useMutation(UpdateCustomerCharacteristicsDocument);
  return useCallback(
    (customer: CharacteristicsSheet_CustomerFragment, characteristics: CustomerCharacteristicsInput) =>
      mutate({
        variables: { id: customer.id, expectedVersion: customer.version, input: { characteristics } },
        optimisticResponse: {
          updateCustomer: {
            ...customer,
            version: customer.version + 1,
            characteristics: { ...customer.characteristics, ...characteristics },
          } as CharacteristicsSheet_CustomerFragment,
        },
        onQueryUpdated: refetchIfIncomplete,
        update: (cache) => evictHistory(cache, customer.id),
      }),
    [mutate],
  );
}
