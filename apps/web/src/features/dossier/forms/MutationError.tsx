import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../../apollo/errors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { fieldErrors } from './fieldErrors';

interface MutationErrorProps {
  error: unknown;
  /** Fields the form shows its own messages for; an error about one of them is not repeated here. */
  fields: readonly string[];
}

/** What went wrong with a save, except what is already shown next to a field. */
export function MutationError({ error, fields }: MutationErrorProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  if (!error) return null;
  const code = errorCode(error);
  if (code === 'VERSION_CONFLICT') {
    // Reloading shows the other person's change; the form keeps the rep's values to reapply.
    return (
      <div className="error-message" role="alert">
        <p>{t('error.VERSION_CONFLICT')}</p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => client.refetchQueries({ include: 'active' }).catch(() => undefined)}
        >
          {t('dossierForm.reload')}
        </button>
      </div>
    );
  }
  const byField = Object.entries(fieldErrors(error));
  if (code === 'BAD_USER_INPUT' && byField.length > 0) {
    const elsewhere = byField.filter(([field]) => !fields.includes(field));
    if (elsewhere.length === 0) return null;
    return (
      <div className="error-message" role="alert">
        {elsewhere.map(([field, message]) => (
          <p key={field}>{message}</p>
        ))}
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}
