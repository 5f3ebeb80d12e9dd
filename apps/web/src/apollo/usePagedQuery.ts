import type { OperationVariables } from '@apollo/client';
import { type PreloadedQueryRef, useQueryRefHandlers, useReadQuery } from '@apollo/client/react';

/**
 * A preloaded query's data and its `fetchMore`, for lists that page on in a transition.
 *
 * The handlers come first, never after the read: `fetchMore` hands the ref its next page's pending
 * promise during useQueryRefHandlers, and useReadQuery must read that promise in the same render to
 * suspend on it (the transition keeps the rows shown) and render again when it resolves. Read first, it
 * takes the old page and nothing renders again when the new one arrives (apollo-client#11772): the audit
 * log's count stayed "1 of 2" in about half the runs.
 */
export function usePagedQuery<TData, TVariables extends OperationVariables>(
  queryRef: PreloadedQueryRef<TData, TVariables>,
) {
  const { fetchMore } = useQueryRefHandlers(queryRef);
  const { data } = useReadQuery(queryRef);
  return { data, fetchMore };
}
