import { type PreloadQueryFunction, useSuspenseQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { TradeTabDocument } from '../../../apollo/generated';

export function preloadTradeTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(TradeTabDocument, { variables: { customerId } });
}

/** A first cut of the tab: what the server holds, as a plain list. */
export function TradeTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(TradeTabDocument, { variables: { customerId } });
  return (
    <section className="tab">
      <h2>{t('tabs.trade')}</h2>
      <ul>
        {(data.customer?.orders.nodes ?? []).map((item) => (
          <li key={item.id}>{item.number}</li>
        ))}
      </ul>
    </section>
  );
}
