import { useEffect, useRef, useTransition } from 'react';

/**
 * Calls `loadMore` when the returned ref's element scrolls into view (IntersectionObserver), one page
 * at a time: the next request waits until the previous page arrived. The page is fetched in a
 * transition: Apollo's `fetchMore` suspends a suspense query otherwise, and the list already on
 * screen (and the scroll position) would give way to the loading fallback.
 */
export function useInfiniteScroll(hasMore: boolean, loadMore: () => Promise<unknown>) {
  const sentinel = useRef<HTMLDivElement>(null);
  const [loading, startTransition] = useTransition();
  const latest = useRef(loadMore);
  latest.current = loadMore;

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasMore || loading) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        startTransition(async () => {
          await latest.current();
        });
      },
      // Start before the end is visible, so scrolling rarely waits.
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, loading]);

  return sentinel;
}
