import type { ApolloCache } from '@apollo/client';

/**
 * Every write to a dossier adds to its change history: drop the cached pages so the history tab
 * reads them afresh next time, instead of a list that misses the write just made.
 */
export function evictHistory(cache: ApolloCache, customerId: string): void {
  cache.evict({ id: cache.identify({ __typename: 'Customer', id: customerId }), fieldName: 'history' });
  cache.gc();
}
