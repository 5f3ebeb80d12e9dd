import { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MockLink } from '@apollo/client/testing';
import { render } from '@testing-library/react';
import { type ReactElement, type ReactNode, useState } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createCache } from '../apollo/cache';
import { InboxCountsDocument } from '../apollo/generated';
import { appRoutes } from '../app/router';
import { createLanguageStore, I18nProvider, type Language } from '../i18n';
import { StrictMockLink } from './strictMockLink';

const emptyInbox: MockLink.MockedResponse = {
  request: { query: InboxCountsDocument },
  result: { data: { inboxCounts: { __typename: 'InboxCounts', open: 0, byKind: [] } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

interface Options {
  mocks?: ReadonlyArray<MockLink.MockedResponse>;
  /** The browser language the user arrives with; nothing is saved yet. */
  language?: Language;
  /** Where the router starts; `ui` is rendered at `route` (default: any path). */
  path?: string;
  route?: string;
}

/**
 * The production cache config behind a mock link, as `main.tsx` wires the real one. The menu's inbox badge asks
 * for its counts on every page; a test that is not about it gets an empty inbox after its own mocks.
 */
export function mockClient(mocks: ReadonlyArray<MockLink.MockedResponse> = []) {
  return new ApolloClient({ cache: createCache(), link: new StrictMockLink([...mocks, emptyInbox]) });
}

function Providers({
  client,
  language,
  children,
}: {
  client: ApolloClient;
  language: Language;
  children: ReactNode;
}) {
  const [store] = useState(() => createLanguageStore({ storage: localStorage, navigatorLanguage: language }));
  return (
    <ApolloProvider client={client}>
      <I18nProvider store={store}>{children}</I18nProvider>
    </ApolloProvider>
  );
}

/** Renders `ui` the way `main.tsx` does, with mocked GraphQL, inside a router. */
export function renderWithProviders(
  ui: ReactElement,
  { mocks, language = 'en', path = '/', route = '*' }: Options = {},
) {
  const client = mockClient(mocks);
  const router = createMemoryRouter([{ path: route, element: ui }], { initialEntries: [path] });
  const result = render(
    <Providers client={client} language={language}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...result, client, router };
}

/** The whole app (every route and loader) at `path`, as a user opening that URL sees it. */
export function renderApp(path: string, { mocks, language = 'en' }: Omit<Options, 'path' | 'route'> = {}) {
  const client = mockClient(mocks);
  const router = createMemoryRouter(appRoutes(client), { initialEntries: [path] });
  const result = render(
    <Providers client={client} language={language}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...result, client, router };
}
