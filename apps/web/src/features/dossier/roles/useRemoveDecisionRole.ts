import { useMutation } from '@apollo/client/react';
import { RemoveDecisionRoleDocument, type RoleRow_AssignmentFragment } from '../../../apollo/generated';

/** Removes a decision role as last read; someone else's change since is a VERSION_CONFLICT. */
export function useRemoveDecisionRole(assignment: RoleRow_AssignmentFragment) {
  const [mutate, { loading }] = useMutation(RemoveDecisionRoleDocument, {
    update(cache, { data }) {
      if (!data?.removeDecisionRole) return;
      // Lists that held the role (the person's roles, the project's) drop the dangling reference.
      cache.evict({ id: cache.identify(assignment) });
      cache.gc();
    },
  });

  function remove() {
    return mutate({
      variables: { id: assignment.id, expectedVersion: assignment.version },
      optimisticResponse: { removeDecisionRole: true },
    });
  }

  return [remove, { loading }] as const;
}
