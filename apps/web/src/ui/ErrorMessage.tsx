import { useTranslation } from 'react-i18next';
import { type ErrorCode, errorCode } from '../apollo/errors';
import type { PlainMessageKey } from '../i18n';

interface ErrorMessageProps {
  error: unknown;
  /** Wording for codes that mean something more specific here, e.g. UNAUTHENTICATED on the login form. */
  messages?: Partial<Record<ErrorCode, PlainMessageKey>>;
  onRetry?: () => void;
}

/** Shows an Apollo error as the translated message for its `extensions.code`. */
export function ErrorMessage({ error, messages, onRetry }: ErrorMessageProps) {
  const { t } = useTranslation();
  const code = errorCode(error);
  return (
    <div className="error-message" role="alert">
      <p>{t(messages?.[code] ?? (`error.${code}` as const))}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
