import { useMutation } from '@apollo/client/react';
import { evictHistory } from '../../../apollo/evictHistory';
import {
  type ProjectCard_ProjectFragment,
  UpdateProjectDocument,
  type UpdateProjectInput,
} from '../../../apollo/generated';

/** Changes a project (stage, name, amount, close date) against the version the rep is looking at. */
export function useUpdateProject(project: ProjectCard_ProjectFragment, customerId: string) {
  const [mutate, { loading }] = useMutation(UpdateProjectDocument, {
    update: (cache) => evictHistory(cache, customerId),
  });

  function update(input: UpdateProjectInput) {
    return mutate({
      variables: { id: project.id, expectedVersion: project.version, input },
      optimisticResponse: {
        updateProject: {
          __typename: 'Project',
          id: project.id,
          name: input.name ?? project.name,
          stage: input.stage ?? project.stage,
          amount: input.amount === undefined ? project.amount : input.amount,
          expectedCloseDate:
            input.expectedCloseDate === undefined ? project.expectedCloseDate : input.expectedCloseDate,
          version: project.version + 1,
        },
      },
    });
  }

  return [update, { loading }] as const;
}
