import { type PreloadQueryFunction, useSuspenseQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { HistoryTabDocument } from '../../../apollo/generated';

export function preloadHistoryTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(HistoryTabDocument, { variables: { customerId } });
}

/** A first cut of the tab: what the server holds, as a plain list. */
export function HistoryTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(HistoryTabDocument, { variables: { customerId } });
  return (
    <section className="tab">
      <h2>{t('tabs.history')}</h2>
      <ul>
        {(data.customer?.history.nodes ?? []).map((item) => (
          <li key={item.id}>{item.at}</li>
        ))}
      </ul>
    </section>
  );
}
