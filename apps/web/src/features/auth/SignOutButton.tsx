import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LogoutDocument } from '../../apollo/generated';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useRestartSession } from './useRestartSession';

export function SignOutButton() {
  const { t } = useTranslation();
  const restartSession = useRestartSession();
  const [logout, { loading, error }] = useMutation(LogoutDocument, {
    onCompleted: restartSession,
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
