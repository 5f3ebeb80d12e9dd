import type { PreloadQueryFunction } from '@apollo/client/react';
import { useSuspenseQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreditTabDocument } from '../../../apollo/generated';
import '../forms/dossier-tab.css';
import { useMayEdit } from '../forms/mayEdit';
import { useFormat } from '../forms/useFormat';
import { CreditReportRow } from './CreditReportRow';
import { RecordCreditReportForm } from './RecordCreditReportForm';

export function preloadCreditTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(CreditTabDocument, { variables: { customerId } });
}

/** Credit reports (资信调查报告), newest first, with the expired ones flagged. */
export function CreditTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const mayEdit = useMayEdit();
  const format = useFormat();
  const [recording, setRecording] = useState(false);
  const { data } = useSuspenseQuery(CreditTabDocument, { variables: { customerId } });
  const customer = data.customer;
  if (!customer) return null;
  const [latest] = customer.creditReports;

  return (
    <section className="dossier-tab" aria-labelledby="credit-heading">
      <header className="dossier-tab__header">
        <h2 id="credit-heading">{t('credit.heading')}</h2>
        {mayEdit && (
          <button
            type="button"
            className="button"
            aria-expanded={recording}
            onClick={() => setRecording(true)}
          >
            {t('credit.record')}
          </button>
        )}
      </header>
      <p className="muted">
        {t('credit.creditLimit', {
          amount: customer.creditLimit ? format.money(customer.creditLimit) : t('credit.none'),
        })}
      </p>
      {latest?.expired && (
        <p className="notice notice--warning" role="status">
          {t('credit.latestExpired')}
        </p>
      )}
      {recording && <RecordCreditReportForm customerId={customer.id} onClose={() => setRecording(false)} />}
      {customer.creditReports.length === 0 ? (
        <p className="muted">{t('credit.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('credit.reportedAt')}</th>
              <th scope="col">{t('credit.validUntil')}</th>
              <th scope="col">{t('credit.rating')}</th>
              <th scope="col">{t('credit.recommendedLimit')}</th>
              <th scope="col">{t('credit.summary')}</th>
              <th scope="col">{t('credit.author')}</th>
            </tr>
          </thead>
          <tbody>
            {customer.creditReports.map((report) => (
              <CreditReportRow key={report.id} report={report} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
