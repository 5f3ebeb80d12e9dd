import type { ApolloCache, OnQueryUpdated } from '@apollo/client';

/**
 * Every write to a dossier adds to its change history: drop the cached pages so the history tab
 * reads them afresh next time, instead of a list that misses the write just made. A write may also fill
 * an item the dossier missed: its completeness goes too (the header's badge reads it again, see
 * refetchIfIncomplete).
 */
export function evictHistory(cache: ApolloCache, customerId: string): void {
  const id = cache.identify({ __typename: 'Customer', id: customerId });
  cache.evict({ id, fieldName: 'history' });
  cache.evict({ id, fieldName: 'completeness' });
  cache.gc();
}

/**
 * `onQueryUpdated` of a write that can change a dossier's completeness: a screen left incomplete by
 * evictHistory (the header's badge) reads again from the server; every other screen takes the cache's new
 * values. Without it the badge never refetches after an optimistic write: the final write leaves the query
 * as incomplete as the optimistic one did, so the cache sees no change to announce.
 */
export const refetchIfIncomplete: OnQueryUpdated<unknown> = (_query, diff) =>
  diff.complete ? Promise.resolve() : true;
