import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { MapTabDocument, SetReportsToDocument } from '../../../apollo/generated';
import { isVersionConflict } from '../../../ui/VersionConflict';

/**
 * Sets whom a key person reports to, from the card's menu or by dragging the card onto its manager. The
 * reports-to line moves at once (optimistic) and the write carries the version read, so a change made
 * meanwhile by someone else is refused as VERSION_CONFLICT. The map is read again after the write, and
 * after a conflict too, so the map shows the change on record and a second try goes out at its version.
 */
export function useSetReportsTo(customerId: string) {
  const client = useApolloClient();
  const [mutate, result] = useMutation(SetReportsToDocument, {
    refetchQueries: [{ query: MapTabDocument, variables: { customerId } }],
  });
  const save = useCallback(
    (person: { id: string; version: number }, reportsToId: string | null) =>
      mutate({
        variables: { id: person.id, expectedVersion: person.version, reportsToId },
        optimisticResponse: {
          updateKeyPerson: {
            __typename: 'KeyPerson',
            id: person.id,
            version: person.version + 1,
            reportsTo: reportsToId ? { __typename: 'KeyPerson', id: reportsToId } : null,
          },
        },
      }).catch(async (error: unknown) => {
        if (isVersionConflict(error))
          await client
            .query({ query: MapTabDocument, variables: { customerId }, fetchPolicy: 'network-only' })
            .catch(() => undefined);
        throw error;
      }),
    [mutate, client, customerId],
  );
  return [save, result] as const;
}
