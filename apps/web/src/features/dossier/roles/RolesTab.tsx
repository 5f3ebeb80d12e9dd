import { type PreloadQueryFunction, useSuspenseQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { RolesTabDocument } from '../../../apollo/generated';

export function preloadRolesTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(RolesTabDocument, { variables: { customerId } });
}

/** A first cut of the tab: what the server holds, as a plain list. */
export function RolesTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(RolesTabDocument, { variables: { customerId } });
  return (
    <section className="tab">
      <h2>{t('tabs.roles')}</h2>
      <ul>
        {(data.customer?.keyPersons ?? []).map((item) => (
          <li key={item.id}>{item.name}</li>
        ))}
      </ul>
    </section>
  );
}
