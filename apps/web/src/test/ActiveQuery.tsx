import type { TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';

/**
 * Keeps a query active beside the component under test, as the page around it does in the app, so that a
 * refetch by name after a write reaches it (and its test can count the reads).
 */
export function ActiveQuery<Variables extends Record<string, unknown>>({
  query,
  variables,
}: {
  query: TypedDocumentNode<unknown, Variables>;
  variables: Variables;
}) {
  useQuery(query, { variables } as never);
  return null;
}
