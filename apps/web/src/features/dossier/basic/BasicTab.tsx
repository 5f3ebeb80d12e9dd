import { type PreloadQueryFunction, useSuspenseQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { BasicTabDocument } from '../../../apollo/generated';

export function preloadBasicTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(BasicTabDocument, { variables: { customerId } });
}

/** A first cut of the tab: what the server holds, as a plain list. */
export function BasicTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(BasicTabDocument, { variables: { customerId } });
  return (
    <section className="tab">
      <h2>{t('tabs.basic')}</h2>
      <ul>
        {(data.customer ? [data.customer] : []).map((item) => (
          <li key={item.id}>{item.name}</li>
        ))}
      </ul>
    </section>
  );
}
