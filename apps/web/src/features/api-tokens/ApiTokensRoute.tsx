import { type PreloadedQueryRef, type PreloadQueryFunction, useReadQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useLoaderData } from 'react-router';
import { ApiTokensDocument, type ApiTokensQuery } from '../../apollo/generated';
import { ApiTokenRow } from './ApiTokenRow';
import { CreateApiToken } from './CreateApiToken';
import '../staff-admin/staff-admin.css';

export const apiTokensLoader = (preloadQuery: PreloadQueryFunction) => () => preloadQuery(ApiTokensDocument);

/** `/api-tokens`: an analyst's personal, read-only tokens for scripts and BI tools. */
export function ApiTokensRoute() {
  const { t } = useTranslation();
  const { data } = useReadQuery(useLoaderData<PreloadedQueryRef<ApiTokensQuery>>());

  return (
    <section className="staff-admin" aria-labelledby="api-tokens-title">
      <h1 id="api-tokens-title">{t('apiTokens.title')}</h1>
      <p className="muted">{t('apiTokens.intro')}</p>
      <CreateApiToken />
      {data.apiTokens.length === 0 ? (
        <p className="muted">{t('apiTokens.empty')}</p>
      ) : (
        <table className="staff-admin__table">
          <thead>
            <tr>
              <th scope="col">{t('apiTokens.name')}</th>
              <th scope="col">{t('apiTokens.expires')}</th>
              <th scope="col">{t('apiTokens.lastUsed')}</th>
              <th scope="col">{t('apiTokens.state')}</th>
            </tr>
          </thead>
          <tbody>
            {data.apiTokens.map((token) => (
              <ApiTokenRow key={token.id} token={token} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
