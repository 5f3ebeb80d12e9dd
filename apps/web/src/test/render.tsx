import type { InMemoryCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createCache } from '../apollo/cache';
import { createLanguageStore, I18nProvider, type Language } from '../i18n';

interface Options {
  mocks?: ReadonlyArray<MockLink.MockedResponse>;
  /** The browser language the user arrives with; nothing is saved yet. */
  language?: Language;
  /** A cache prepared by the test, e.g. holding what the shell loaded before the screen opened. */
  cache?: InMemoryCache;
}

/** Renders `ui` the way `main.tsx` does, with mocked GraphQL and the production cache config. */
export function renderWithProviders(
  ui: ReactElement,
  { mocks = [], language = 'en', cache = createCache() }: Options = {},
) {
  const store = createLanguageStore({ storage: localStorage, navigatorLanguage: language });
  return render(
    <MockedProvider mocks={mocks} cache={cache}>
      <I18nProvider store={store}>{ui}</I18nProvider>
    </MockedProvider>,
  );
}
