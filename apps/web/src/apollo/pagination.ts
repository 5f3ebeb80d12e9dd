import type { FieldPolicy, Reference } from '@apollo/client';

interface Connection {
  nodes: readonly Reference[];
  pageInfo: unknown;
  totalCount?: number;
}

/**
 * A connection read a page at a time with `after`: one cache entry whatever the arguments, a page
 * after a cursor appended to what is there, a first page (a refetch) starting the list afresh.
 */
export function appendPages(): FieldPolicy<Connection> {
  return {
    keyArgs: false,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.after) return incoming;
      return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
    },
  };
}
