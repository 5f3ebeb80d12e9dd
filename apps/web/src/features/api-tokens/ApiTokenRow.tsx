import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { type ApiTokenRow_TokenFragment, RevokeApiTokenDocument } from '../../apollo/generated';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useFormat } from '../dossier/forms/useFormat';

export function ApiTokenRow({ token }: { token: ApiTokenRow_TokenFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [revoke, { loading, error }] = useMutation(RevokeApiTokenDocument);
  const expired = Date.parse(token.expiresAt) <= Date.now();
  const live = !token.revokedAt && !expired;

  return (
    <tr>
      <th scope="row">{token.name}</th>
      <td>{format.dateTime(token.expiresAt)}</td>
      <td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('apiTokens.neverUsed')}</td>
      <td>
        {live ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={loading}
            aria-label={t('apiTokens.revokeNamed', { name: token.name })}
            onClick={() =>
              revoke({ variables: { id: token.id, expectedVersion: token.version } }).catch(() => undefined)
            }
          >
            {t('apiTokens.revoke')}
          </button>
        ) : (
          <span className="muted">{t(token.revokedAt ? 'apiTokens.revoked' : 'apiTokens.expired')}</span>
        )}
        {error && <ErrorMessage error={error} />}
      </td>
    </tr>
  );
}
