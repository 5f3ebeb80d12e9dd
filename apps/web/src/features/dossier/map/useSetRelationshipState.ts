import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import {
  type MapEdge_RelationshipFragment,
  MapTabDocument,
  SetRelationshipStateDocument,
} from '../../../apollo/generated';
import { headerQuery } from '../headerQuery';
import type { StateChoice } from './StatePopover';

export interface LinkTarget {
  readonly staffId: string;
  readonly keyPersonId: string;
  /** The link as read; absent when the tap creates it. */
  readonly existing?: MapEdge_RelationshipFragment;
}

/**
 * Saves a link's state. An existing link changes optimistically (the edge recolours on the tap) and
 * carries the version read, so a change made meanwhile by someone else is refused as VERSION_CONFLICT
 * instead of overwritten. The map is then read again: coverage is the server's rule.
 */
export function useSetRelationshipState(customerId: string) {
  const [mutate] = useMutation(SetRelationshipStateDocument, {
    refetchQueries: [{ query: MapTabDocument, variables: { customerId } }, headerQuery(customerId)],
  });
  return useCallback(
    (target: LinkTarget, choice: StateChoice, expectedVersion = target.existing?.version) => {
      const { existing } = target;
      return mutate({
        variables: {
          input: {
            staffId: target.staffId,
            keyPersonId: target.keyPersonId,
            state: choice.state,
            ...(choice.note !== undefined ? { note: choice.note } : {}),
            ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          },
        },
        ...(existing
          ? {
              optimisticResponse: {
                setRelationshipState: {
                  ...existing,
                  state: choice.state,
                  note: choice.note !== undefined ? choice.note : existing.note,
                  version: existing.version + 1,
                },
              },
            }
          : {}),
      });
    },
    [mutate],
  );
}
