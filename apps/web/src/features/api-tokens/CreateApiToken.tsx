import { useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateApiTokenDocument } from '../../apollo/generated';
import { MutationError } from '../dossier/forms/MutationError';

/** How long a new token lives; the server allows at most a year. */
const VALIDITY_DAYS = [30, 90, 365] as const;
const DAY_MS = 24 * 3600 * 1000;

/** Creates a token and shows its secret this once, with a button to copy it. */
export function CreateApiToken() {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [days, setDays] = useState<number>(90);
  const [copied, setCopied] = useState(false);
  const [create, { data, loading, error, reset }] = useMutation(CreateApiTokenDocument, {
    refetchQueries: ['ApiTokens'],
  });
  const secret = data?.createApiToken.token;

  function submit(event: FormEvent) {
    event.preventDefault();
    setCopied(false);
    const expiresAt = new Date(Date.now() + days * DAY_MS).toISOString();
    create({ variables: { name: name.trim(), expiresAt } }).then(
      () => setName(''),
      () => undefined,
    );
  }

  function copy() {
    if (!secret) return;
    navigator.clipboard.writeText(secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  return (
    <>
      <form className="staff-admin__actions" onSubmit={submit}>
        <label htmlFor={`${id}-name`}>{t('apiTokens.name')}</label>
        <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} required />
        <label htmlFor={`${id}-days`}>{t('apiTokens.validity')}</label>
        <select id={`${id}-days`} value={days} onChange={(event) => setDays(Number(event.target.value))}>
          {VALIDITY_DAYS.map((n) => (
            <option key={n} value={n}>
              {t('apiTokens.days', { count: n })}
            </option>
          ))}
        </select>
        <button type="submit" className="button" disabled={loading || name.trim() === ''}>
          {t('apiTokens.create')}
        </button>
      </form>
      <MutationError error={error} fields={[]} />
      {secret && (
        <div className="token-secret" role="status">
          <p>{t('apiTokens.shownOnce')}</p>
          <code data-testid="api-token-secret">{secret}</code>
          <button type="button" className="button" onClick={copy}>
            {t(copied ? 'apiTokens.copied' : 'apiTokens.copy')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => reset()}>
            {t('apiTokens.done')}
          </button>
        </div>
      )}
    </>
  );
}
