import type { Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { AddProjectEventDocument, type AddProjectEventInput } from '../../../apollo/generated';
import { useViewer } from '../forms/useViewer';

/** Adds an event to a project's log; it shows at once, signed by the rep. */
export function useAddProjectEvent() {
  const author = useViewer();
  const [mutate, { loading }] = useMutation(AddProjectEventDocument, {
    update(cache, { data }) {
      const event = data?.addProjectEvent;
      if (!event) return;
      cache.modify<{ events: Reference[] }>({
        id: cache.identify(event.project),
        fields: {
          events(existing, { toReference, readField }) {
            const ref = toReference(event);
            if (!ref || existing.some((e) => readField('id', e) === event.id)) return existing;
            return [...existing, ref];
          },
        },
      });
    },
  });

  function add(input: AddProjectEventInput) {
    return mutate({
      variables: { input },
      // Without the signed-in staff member at hand there is no author to show: wait for the server.
      optimisticResponse: (_variables, { IGNORE }) =>
        author
          ? {
              addProjectEvent: {
                __typename: 'ProjectEvent',
                id: `ProjectEvent:optimistic-${input.projectId}`,
                title: input.title,
                occurredAt: input.occurredAt,
                description: input.description ?? null,
                outcome: input.outcome ?? null,
                nextStep: input.nextStep ?? null,
                author,
                project: { __typename: 'Project', id: String(input.projectId) },
              },
            }
          : IGNORE,
    });
  }

  return [add, { loading }] as const;
}
