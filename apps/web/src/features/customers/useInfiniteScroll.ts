import { useEffect, useRef, useState } from 'react';

/**
 * Calls `loadMore` when the returned ref's element scrolls into view (IntersectionObserver), one page
 * at a time: the next request waits until the previous page arrived.
 */
export function useInfiniteScroll(hasMore: boolean, loadMore: () => Promise<unknown>) {
  const sentinel = useRef<HTMLDivElement>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(loadMore);
  latest.current = loadMore;

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasMore || loading) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        setLoading(true);
        latest.current().finally(() => setLoading(false));
      },
      // Start before the end is visible, so scrolling rarely waits.
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, loading]);

  return sentinel;
}
