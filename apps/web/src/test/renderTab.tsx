import type { MockLink } from '@apollo/client/testing';
import { act } from '@testing-library/react';
import { type ReactElement, Suspense } from 'react';
import { createCache } from '../apollo/cache';
import { ViewerDocument } from '../apollo/generated';
import { Loading } from '../components/Loading';
import type { Language } from '../i18n';
import { renderWithProviders } from './render';

export const viewer = { __typename: 'Staff', id: 'staff-rep', name: '李伟', role: 'SALES_REP' } as const;

/**
 * Renders a dossier tab as the dossier route does: inside a Suspense boundary, with the signed-in
 * rep already in the cache (the shell loads `me` before any tab opens).
 */
export async function renderTab(
  ui: ReactElement,
  options: { mocks?: ReadonlyArray<MockLink.MockedResponse>; language?: Language } = {},
): Promise<void> {
  const cache = createCache();
  cache.writeQuery({ query: ViewerDocument, data: { me: viewer } });
  // React 19 only retries a component that suspended inside an awaited `act`.
  await act(async () => {
    renderWithProviders(<Suspense fallback={<Loading />}>{ui}</Suspense>, { ...options, cache });
  });
}
