import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { createCache } from './cache';

interface ApolloClientOptions {
  /** Read on every request so the server answers in the language the user is looking at. */
  getLanguage: () => string;
  uri?: string;
  /** For tests; the browser's `fetch` otherwise. */
  fetch?: typeof fetch;
}

export function createApolloClient({
  getLanguage,
  uri = '/graphql',
  fetch,
}: ApolloClientOptions): ApolloClient {
  const languageLink = new SetContextLink((previous) => ({
    headers: { ...previous.headers, 'accept-language': getLanguage() },
  }));
  const httpLink = new HttpLink({
    uri,
    // The session is an httpOnly cookie set by the API on the same origin (Vite proxies it in dev).
    credentials: 'same-origin',
    // The server's CSRF prevention rejects simple GET requests; JSON POSTs always pass it.
    useGETForQueries: false,
    ...(fetch ? { fetch } : {}),
  });
  return new ApolloClient({
    cache: createCache(),
    link: ApolloLink.from([languageLink, httpLink]),
  });
}
