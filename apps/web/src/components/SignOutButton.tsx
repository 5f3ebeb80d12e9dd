import { useApolloClient, useMutation } from '@apollo/client/react';
import { LogoutDocument } from '../apollo/generated';
import { restartSession } from '../apollo/session';
import { useT } from '../i18n';
import { ErrorMessage } from './ErrorMessage';

export function SignOutButton() {
  const t = useT();
  const client = useApolloClient();
  const [logout, { loading, error }] = useMutation(LogoutDocument, {
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
