import { type ReactNode, useTransition } from 'react';

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/**
 * The "show more" button under a paged list: asks for the page after the last one shown (the cache's
 * connection policy appends it) and stays disabled while it loads, so a second tap cannot fetch it twice.
 */
export function ShowMore({
  pageInfo,
  onMore,
  children,
}: {
  pageInfo: PageInfo;
  onMore: (after: string | null) => Promise<unknown>;
  children: ReactNode;
}) {
  const [loading, startTransition] = useTransition();
  if (!pageInfo.hasNextPage) return null;
  return (
    <button
      type="button"
      className="button button--secondary"
      disabled={loading}
      onClick={() =>
        startTransition(async () => {
          await onMore(pageInfo.endCursor ?? null);
        })
      }
    >
      {children}
    </button>
  );
}
