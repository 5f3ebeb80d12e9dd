import type { Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { evictHistory, refetchIfIncomplete } from '../../../apollo/evictHistory';
import { RemoveDecisionRoleDocument, type RoleRow_AssignmentFragment } from '../../../apollo/generated';

/** Removes a decision role as last read; someone else's change since is a VERSION_CONFLICT. */
export function useRemoveDecisionRole(customerId: string) {
  const [mutate] = useMutation(RemoveDecisionRoleDocument);

  return (assignment: RoleRow_AssignmentFragment, keyPersonId: string) =>
    mutate({
      variables: { id: assignment.id, expectedVersion: assignment.version },
      optimisticResponse: { removeDecisionRole: true },
      onQueryUpdated: refetchIfIncomplete,
      update(cache, { data }) {
        if (!data?.removeDecisionRole) return;
        // Taken out of the person's roles explicitly: an eviction alone does not reach the optimistic layer.
        cache.modify<{ roles: Reference[] }>({
          id: cache.identify({ __typename: 'KeyPerson', id: keyPersonId }),
          fields: {
            roles: (refs, { readField }) => refs.filter((ref) => readField('id', ref) !== assignment.id),
          },
        });
        cache.evict({ id: cache.identify(assignment) });
        evictHistory(cache, customerId);
      },
    });
}
