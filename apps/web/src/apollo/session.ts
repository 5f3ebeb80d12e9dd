import type { ApolloClient } from '@apollo/client';

/**
 * After signing in or out the cookie changed on the server: drop everything cached for the
 * previous user and refetch the active queries, starting with the shell's `me`.
 */
export async function restartSession(client: ApolloClient): Promise<void> {
  try {
    await client.resetStore();
  } catch {
    // The refetched queries report their own errors in the components that run them.
  }
}
