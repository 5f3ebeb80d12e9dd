import { gql, type TypedDocumentNode } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { restartSession } from '../apollo/session';
import { useT } from '../i18n';
import { ErrorMessage } from './ErrorMessage';

export const LOGOUT_MUTATION: TypedDocumentNode<{ logout: boolean }, Record<string, never>> = gql`
  mutation Logout {
    logout
  }
`;

export function SignOutButton() {
  const t = useT();
  const client = useApolloClient();
  const [logout, { loading, error }] = useMutation(LOGOUT_MUTATION, {
    onCompleted: () => restartSession(client),
  });
  return (
    <>
      <button type="button" className="button button--secondary" disabled={loading} onClick={() => logout()}>
        {t('header.signOut')}
      </button>
      {error && <ErrorMessage error={error} />}
    </>
  );
}
