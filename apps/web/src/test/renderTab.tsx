import { useApolloClient } from '@apollo/client/react';
import type { MockLink } from '@apollo/client/testing';
import { StaffRole } from '@dossier/domain';
import { act } from '@testing-library/react';
import { type ReactElement, type ReactNode, Suspense, useState } from 'react';
import { ViewerDocument } from '../apollo/generated';
import { MayEditContext } from '../features/dossier/forms/mayEdit';
import type { Language } from '../i18n';
import { Loading } from '../ui/Loading';
import { renderWithProviders } from './render';

export const viewer = {
  __typename: 'Staff' as const,
  id: 'staff-rep',
  name: '李伟',
  role: StaffRole.SALES_REP,
};

/** The shell loads `me` before any tab opens; a tab rendered alone finds it in the cache the same way. */
function SignedIn({ me, children }: { me: typeof viewer; children: ReactNode }) {
  const client = useApolloClient();
  useState(() => client.writeQuery({ query: ViewerDocument, data: { me } }));
  return children;
}

/**
 * Renders a dossier tab as the dossier route does: signed in, inside a Suspense boundary, told whether the
 * viewer may change the dossier (`mayEdit`, default yes: a sales rep's own customer).
 */
export async function renderTab(
  ui: ReactElement,
  {
    mayEdit = true,
    role = viewer.role,
    ...options
  }: {
    mocks?: ReadonlyArray<MockLink.MockedResponse>;
    language?: Language;
    mayEdit?: boolean;
    role?: StaffRole;
  } = {},
): Promise<void> {
  // React 19 only retries a component that suspended inside an awaited `act`.
  await act(async () => {
    renderWithProviders(
      <SignedIn me={{ ...viewer, role }}>
        <MayEditContext.Provider value={mayEdit}>
          <Suspense fallback={<Loading />}>{ui}</Suspense>
        </MayEditContext.Provider>
      </SignedIn>,
      options,
    );
  });
}
