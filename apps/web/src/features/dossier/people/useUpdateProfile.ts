import { useMutation } from '@apollo/client/react';
import { evictHistory } from '../../../apollo/evictHistory';
import {
  type KeyPersonProfileInput,
  type ProfileCard_KeyPersonFragment,
  UpdateKeyPersonProfileDocument,
} from '../../../apollo/generated';

/** Changes a key person's profile at the version the rep is looking at; the card shows it at once. */
export function useUpdateProfile(person: ProfileCard_KeyPersonFragment, customerId: string) {
  const [mutate, { loading }] = useMutation(UpdateKeyPersonProfileDocument, {
    update: (cache) => evictHistory(cache, customerId),
  });

  function update(profile: KeyPersonProfileInput) {
    return mutate({
      variables: { id: person.id, expectedVersion: person.version, input: { profile } },
      optimisticResponse: person.profile
        ? {
            updateKeyPerson: {
              ...person,
              version: person.version + 1,
              profile: { ...person.profile, ...profile } as typeof person.profile,
            },
          }
        : undefined,
    });
  }

  return [update, { loading }] as const;
}
