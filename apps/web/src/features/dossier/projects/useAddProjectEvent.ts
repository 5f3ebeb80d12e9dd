import { isReference, type Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { evictHistory } from '../../../apollo/evictHistory';
import { AddProjectEventDocument, type AddProjectEventInput } from '../../../apollo/generated';
import { useViewer } from '../forms/useViewer';

interface Log {
  nodes: Reference[];
  pageInfo: { hasNextPage: boolean };
  totalCount: number;
}

/** Adds an event to a project's log; it shows at once, signed by the rep. */
export function useAddProjectEvent(customerId: string) {
  const author = useViewer();
  const [mutate, { loading }] = useMutation(AddProjectEventDocument, {
    update(cache, { data }) {
      const event = data?.addProjectEvent;
      if (!event) return;
      evictHistory(cache, customerId);
      cache.modify<{ eventLog: Log }>({
        id: cache.identify(event.project),
        fields: {
          eventLog(log, { toReference, readField }) {
            const ref = toReference(event);
            if (isReference(log) || !ref || log.nodes.some((node) => readField('id', node) === event.id))
              return log;
            // Newest first: the event goes before the first one that happened earlier. Older than
            // every event loaded, it belongs to a page not loaded yet and only the count changes.
            const at = log.nodes.findIndex(
              (node) => (readField<string>('occurredAt', node) ?? '') < event.occurredAt,
            );
            const nodes =
              at >= 0
                ? [...log.nodes.slice(0, at), ref, ...log.nodes.slice(at)]
                : log.pageInfo.hasNextPage
                  ? log.nodes
                  : [...log.nodes, ref];
            return { ...log, nodes, totalCount: log.totalCount + 1 };
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
