import { type PreloadQueryFunction, useSuspenseQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MapTabDocument } from '../../../apollo/generated';

export function preloadMapTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(MapTabDocument, { variables: { customerId } });
}

/** A first cut of the tab: what the server holds, as a plain list. */
export function MapTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(MapTabDocument, { variables: { customerId } });
  return (
    <section className="tab">
      <h2>{t('tabs.map')}</h2>
      <ul>
        {(data.customer?.relationshipMap.keyPersons ?? []).map((item) => (
          <li key={item.id}>{item.name}</li>
        ))}
      </ul>
    </section>
  );
}
