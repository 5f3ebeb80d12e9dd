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
}

/** Renders `ui` the way `main.tsx` does, with mocked GraphQL and the production cache config. */
export function renderWithProviders(ui: ReactElement, { mocks = [], language = 'en' }: Options = {}) {
  const store = createLanguageStore({ storage: localStorage, navigatorLanguage: language });
  return render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <I18nProvider store={store}>{ui}</I18nProvider>
    </MockedProvider>,
  );
}
