import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { useRevalidator } from 'react-router';

/**
 * After signing in or out the cookie changed on the server: drop everything cached for the previous
 * user, then run the current routes' loaders again, so the shell's `me` and the page's own data are
 * fetched for the new session together (refetching in place would briefly show the page's data
 * as the previous session's errors).
 */
export function useRestartSession(): () => Promise<void> {
  const client = useApolloClient();
  const { revalidate } = useRevalidator();
  return useCallback(async () => {
    await client.clearStore();
    await revalidate();
  }, [client, revalidate]);
}
