import { type PreloadedQueryRef, type PreloadQueryFunction, useReadQuery } from '@apollo/client/react';
import { useId, useTransition } from 'react';
import { useTranslation } from 'react-i18next';
import { type LoaderFunctionArgs, useLoaderData, useSearchParams } from 'react-router';
import { RetentionDocument, type RetentionQuery } from '../../apollo/generated';
import { useViewer } from '../../app/Shell';
import { DestructionRow } from './DestructionRow';
import { RetentionRow } from './RetentionRow';
import './documents.css';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The list's day from `?asOf=`; anything else is today on the server's business calendar. */
const asOfParam = (params: URLSearchParams) => {
  const asOf = params.get('asOf');
  return asOf && ISO_DAY.test(asOf) ? asOf : null;
};

export const retentionLoader =
  (preloadQuery: PreloadQueryFunction) =>
  ({ request }: LoaderFunctionArgs) =>
    preloadQuery(RetentionDocument, { variables: { asOf: asOfParam(new URL(request.url).searchParams) } });

/**
 * `/retention`, for the archivist and admins: the documents past retention on a day (the yearly
 * destruction list), their approval and destruction by two different keepers, and the destruction records.
 */
export function RetentionRoute() {
  const { t } = useTranslation();
  const id = useId();
  const viewer = useViewer();
  const { data } = useReadQuery(useLoaderData<PreloadedQueryRef<RetentionQuery>>());
  const [params, setParams] = useSearchParams();
  const [, startChange] = useTransition();
  if (!viewer) return null;
  const due = data.documentsPastRetention;
  const destructions = data.documentDestructions.nodes;

  return (
    <section className="archive-page" aria-labelledby={`${id}-title`}>
      <div className="archive-page__head">
        <h1 id={`${id}-title`}>{t('retention.title')}</h1>
        <div className="field">
          <label htmlFor={`${id}-asof`}>{t('retention.asOf')}</label>
          <input
            id={`${id}-asof`}
            type="date"
            value={asOfParam(params) ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              startChange(() => setParams(value ? { asOf: value } : {}, { replace: true }));
            }}
          />
        </div>
      </div>
      <p className="muted">{t('retention.rule')}</p>
      {due.length === 0 ? (
        <p className="muted">{t('retention.empty')}</p>
      ) : (
        <table className="archive-table">
          <caption>{t('retention.due')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('documents.title')}</th>
              <th scope="col">{t('documents.category')}</th>
              <th scope="col">{t('documents.level')}</th>
              <th scope="col">{t('documents.documentDate')}</th>
              <th scope="col">{t('documents.retentionEnd')}</th>
              <th scope="col">{t('retention.approvedBy')}</th>
              <th scope="col">{t('documents.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {due.map((document) => (
              <RetentionRow key={document.id} document={document} viewerId={viewer.id} />
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('retention.records')}</h2>
      {destructions.length === 0 ? (
        <p className="muted">{t('retention.noRecords')}</p>
      ) : (
        <table className="archive-table">
          <thead>
            <tr>
              <th scope="col">{t('documents.title')}</th>
              <th scope="col">{t('documents.level')}</th>
              <th scope="col">{t('retention.checksum')}</th>
              <th scope="col">{t('retention.approvedBy')}</th>
              <th scope="col">{t('retention.carriedOutBy')}</th>
            </tr>
          </thead>
          <tbody>
            {destructions.map((record) => (
              <DestructionRow key={record.id} record={record} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
