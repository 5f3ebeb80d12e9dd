import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LogoutDocument } from '../../apollo/generated';
import { restartSession } from '../../apollo/session';
import { ErrorMessage } from '../../ui/ErrorMessage';

export function SignOutButton() {
  const { t } = useTranslation();
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
