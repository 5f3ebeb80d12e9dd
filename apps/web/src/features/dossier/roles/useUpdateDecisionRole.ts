import { useMutation } from '@apollo/client/react';
import type { InfluenceLevel } from '@dossier/domain';
import { evictHistory, refetchIfIncomplete } from '../../../apollo/evictHistory';
import {
  UpdateDecisionRoleDocument,
  type UpdateDecisionRoleMutation,
  type UpdateDecisionRoleMutationVariables,
} from '../../../apollo/generated';

/** A role as last read: what the change starts from. */
interface HeldRole {
  id: string;
  version: number;
  influence: InfluenceLevel;
  concerns: string | null;
}

type Options = useMutation.Options<UpdateDecisionRoleMutation, UpdateDecisionRoleMutationVariables>;

interface RoleChanges {
  influence?: InfluenceLevel;
  concerns?: string | null;
}

/**
 * Changes a role held in one write, at the version read (someone else's change since is a VERSION_CONFLICT);
 * every view of the role shows the change at once. Views that derive more from the influence (the map's
 * coverage) name their queries to refetch.
 */
export function useUpdateDecisionRole(
  customerId: string,
  { refetchQueries }: Pick<Options, 'refetchQueries'> = {},
) {
  const [mutate, { loading, error }] = useMutation(UpdateDecisionRoleDocument, {
    refetchQueries,
    onQueryUpdated: refetchIfIncomplete,
    update: (cache) => evictHistory(cache, customerId),
  });

  function update(role: HeldRole, changes: RoleChanges) {
    return mutate({
      variables: { input: { id: role.id, expectedVersion: role.version, ...changes } },
      optimisticResponse: {
        updateDecisionRole: {
          __typename: 'DecisionRoleAssignment',
          id: role.id,
          influence: changes.influence ?? role.influence,
          concerns: changes.concerns === undefined ? role.concerns : changes.concerns,
          version: role.version + 1,
        },
      },
    });
  }

  return [update, { loading, error }] as const;
}
