import { type PreloadedQueryRef, type PreloadQueryFunction, useReadQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { type LoaderFunctionArgs, useLoaderData, useSearchParams } from 'react-router';
import {
  AuditLogChoicesDocument,
  type AuditLogChoicesQuery,
  AuditLogDocument,
  type AuditLogQuery,
  type AuditLogQueryVariables,
} from '../../apollo/generated';
import { usePagedQuery } from '../../apollo/usePagedQuery';
import { formatNumber, useLanguage } from '../../i18n';
import { ShowMore } from '../../ui/ShowMore';
import { withParam } from '../customers/listParams';
import { AuditLogFilters } from './AuditLogFilters';
import { AuditLogRow } from './AuditLogRow';
import { auditVariables, readAuditParams } from './auditParams';
import '../staff-admin/staff-admin.css';
import './audit-log.css';

export const auditLogLoader =
  (preloadQuery: PreloadQueryFunction) =>
  ({ request }: LoaderFunctionArgs) => ({
    log: preloadQuery(AuditLogDocument, {
      variables: auditVariables(readAuditParams(new URL(request.url).searchParams)),
    }),
    choices: preloadQuery(AuditLogChoicesDocument),
  });

interface Refs {
  log: PreloadedQueryRef<AuditLogQuery, AuditLogQueryVariables>;
  choices: PreloadedQueryRef<AuditLogChoicesQuery>;
}

/**
 * `/audit-log`, for admins: who signed in, changed roles, used tokens or read personal data, newest
 * first, filtered by the URL so a finding can be shared as a link. The server refuses everyone else.
 */
export function AuditLogRoute() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const refs = useLoaderData<Refs>();
  const { data, fetchMore } = usePagedQuery(refs.log);
  const { auditLog } = data;
  const { businessTimeZone, staffMembers } = useReadQuery(refs.choices).data;
  // In a transition, so the rows shown stay on screen while the next page arrives.
  const [params, setParams] = useSearchParams();

  return (
    <section className="staff-admin" aria-labelledby="audit-log-title">
      <div className="staff-admin__head">
        <h1 id="audit-log-title">{t('auditLog.title')}</h1>
        <p className="muted" role="status">
          {t('auditLog.shownOf', {
            shown: formatNumber(auditLog.nodes.length, language),
            n: formatNumber(auditLog.totalCount, language),
          })}
        </p>
      </div>
      <AuditLogFilters
        values={readAuditParams(params)}
        staff={staffMembers.nodes}
        // From the URL as it is now: a second change made before this renders again keeps the first.
        onChange={(name, value) => setParams((current) => withParam(current, name, value), { replace: true })}
      />
      {auditLog.nodes.length === 0 ? (
        <p className="muted">{t('auditLog.empty')}</p>
      ) : (
        <div className="audit-log__scroll">
          <table className="staff-admin__table">
            <caption className="muted">{t('auditLog.timeZone', { zone: businessTimeZone })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auditLog.at')}</th>
                <th scope="col">{t('auditLog.actor')}</th>
                <th scope="col">{t('auditLog.event')}</th>
                <th scope="col">{t('auditLog.subject')}</th>
                <th scope="col">{t('auditLog.detail')}</th>
                <th scope="col">{t('auditLog.address')}</th>
              </tr>
            </thead>
            <tbody>
              {auditLog.nodes.map((entry) => (
                <AuditLogRow key={entry.id} entry={entry} timeZone={businessTimeZone} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ShowMore pageInfo={auditLog.pageInfo} onMore={(after) => fetchMore({ variables: { after } })}>
        {t('auditLog.more')}
      </ShowMore>
    </section>
  );
}
