import { type PreloadQueryFunction, useSuspenseQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CreditTabDocument } from '../../../apollo/generated';

export function preloadCreditTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(CreditTabDocument, { variables: { customerId } });
}

/** A first cut of the tab: what the server holds, as a plain list. */
export function CreditTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(CreditTabDocument, { variables: { customerId } });
  return (
    <section className="tab">
      <h2>{t('tabs.credit')}</h2>
      <ul>
        {(data.customer?.creditReports ?? []).map((item) => (
          <li key={item.id}>{item.reportedAt}</li>
        ))}
      </ul>
    </section>
  );
}
