import { useMutation } from '@apollo/client/react';
import { evictHistory, refetchIfIncomplete } from '../../../apollo/evictHistory';
import {
  AssignDecisionRoleDocument,
  type AssignDecisionRoleInput,
  type RolesTable_KeyPersonFragment,
} from '../../../apollo/generated';

interface ProjectRef {
  id: string;
  name: string;
}

/** Gives a key person a decision role; the table shows it at once. */
export function useAssignDecisionRole(customerId: string) {
  const [mutate, { loading }] = useMutation(AssignDecisionRoleDocument, {
    onQueryUpdated: refetchIfIncomplete,
    update: (cache) => evictHistory(cache, customerId),
  });

  function assign(
    input: AssignDecisionRoleInput,
    keyPerson: RolesTable_KeyPersonFragment,
    project: ProjectRef | null,
  ) {
    const assignment = {
      __typename: 'DecisionRoleAssignment' as const,
      id: `DecisionRoleAssignment:optimistic-${keyPerson.id}`,
      role: input.role,
      influence: input.influence,
      concerns: input.concerns ?? null,
      version: 1,
      project: project && { __typename: 'Project' as const, ...project },
    };
    return mutate({
      variables: { input },
      optimisticResponse: {
        assignDecisionRole: {
          ...assignment,
          keyPerson: { __typename: 'KeyPerson', id: keyPerson.id, roles: [...keyPerson.roles, assignment] },
        },
      },
    });
  }

  return [assign, { loading }] as const;
}
