import type { FieldPolicy } from '@apollo/client/cache';

interface Page {
  nodes?: unknown[];
  edges?: unknown[];
  [field: string]: unknown;
}

/**
 * A cursor connection (`first`/`after`) read as one growing list: the first page replaces what was
 * cached, each next page (`after` set) is appended; `pageInfo` and `totalCount` come from the latest.
 * `keyArgs` names the arguments that make a different list (filters, sort), never the paging ones.
 */
export function connectionPolicy(keyArgs: FieldPolicy<Page>['keyArgs'] = false): FieldPolicy<Page> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.after) return incoming;
      const merged: Page = { ...existing, ...incoming };
      if (incoming.nodes) merged.nodes = [...(existing.nodes ?? []), ...incoming.nodes];
      if (incoming.edges) merged.edges = [...(existing.edges ?? []), ...incoming.edges];
      return merged;
    },
  };
}
