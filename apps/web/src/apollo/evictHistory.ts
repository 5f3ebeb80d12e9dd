import type { ApolloCache } from '@apollo/client';

/**
 * Every write to a dossier adds to its change history: drop the cached pages so the history tab
 * reads them afresh next time, instead of a list that misses the write just made. A write may also fill
 * an item the dossier missed: its completeness goes too, and the header's badge reads it again at once.
 */
export function evictHistory(cache: ApolloCache, customerId: string): void {
  const id = cache.identify({ __typename: 'Customer', id: customerId });
  cache.evict({ id, fieldName: 'history' });
  cache.evict({ id, fieldName: 'completeness' });
  cache.gc();
}
